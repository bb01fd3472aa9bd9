"use client";

import { AlarmBadge } from "@/components/alarms/alarm-badge";
import { NotificationCentre } from "@/components/notifications/notification-centre";
import { LocaleSwitcher } from "./locale-switcher";
import { Logo } from "./logo";
import { TenantSwitcher, type TenantSummary } from "./tenant-switcher";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";

/** The console's top bar: logo, tenant switcher, language, theme, user menu. */
export function AppHeader({ user, tenants }: { user: { email: string; name: string; platformAdmin?: boolean }; tenants: TenantSummary[] }) {
  return (
    <header className="sticky top-0 z-30 border-b border-zinc-200 bg-white/90 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-2 px-3 sm:px-6">
        <Logo href="/tenants" compact />
        <span aria-hidden className="text-zinc-300 dark:text-zinc-700">
          /
        </span>
        <TenantSwitcher tenants={tenants} />
        <div className="ml-auto flex shrink-0 items-center gap-1">
          <AlarmBadge />
          <NotificationCentre />
          <LocaleSwitcher signedIn />
          <ThemeToggle />
          <UserMenu user={user} />
        </div>
      </div>
    </header>
  );
}
