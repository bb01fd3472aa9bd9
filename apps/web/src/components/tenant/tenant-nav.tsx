"use client";

import { cn, ScrollFade } from "@aspen/ui";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useI18n } from "@/i18n/provider";
import { useTenant } from "./tenant-context";

/** The tenant's sections; a scrollable tab bar that fits narrow screens. */
export function TenantNav() {
  const { t } = useI18n();
  const tenant = useTenant();
  const pathname = usePathname();
  const base = `/t/${tenant.slug}`;
  const items = [
    { href: base, label: t.nav.overview, key: "overview", show: true },
    { href: `${base}/products`, label: t.nav.products, key: "products", show: tenant.permissions.includes("product.read") },
    { href: `${base}/devices`, label: t.nav.devices, key: "devices", show: tenant.permissions.includes("device.read") },
    { href: `${base}/dashboards`, label: t.dashboards.nav, key: "dashboards", show: tenant.permissions.includes("device.read") },
    { href: `${base}/alerts`, label: t.alertNav.alerts, key: "alerts", show: tenant.permissions.includes("device.read") },
    { href: `${base}/alarms`, label: t.alertNav.alarms, key: "alarms", show: tenant.permissions.includes("device.read") },
    { href: `${base}/webhooks`, label: t.alertNav.webhooks, key: "webhooks", show: tenant.permissions.includes("webhook.manage") },
    { href: `${base}/members`, label: t.nav.members, key: "members", show: tenant.permissions.includes("member.read") },
    { href: `${base}/audit`, label: t.nav.audit, key: "audit", show: tenant.permissions.includes("audit.read") },
    { href: `${base}/api-keys`, label: t.apiKeys.nav, key: "api-keys", show: tenant.permissions.includes("apiKey.manage") },
  ].filter((i) => i.show);
  return (
    <nav aria-label={t.ui.mainNav} className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
      <ScrollFade className="mx-auto max-w-7xl" data-testid="tenant-nav-scroll">
        <ul className="flex w-max min-w-full gap-1 px-3 sm:px-6">
          {items.map((item) => {
            const active = item.href === base ? pathname === base : pathname === item.href || pathname.startsWith(`${item.href}/`);
            return (
              <li key={item.key}>
                <Link
                  href={item.href}
                  data-testid={`nav-${item.key}`}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "-mb-px block border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap",
                    active
                      ? "border-emerald-600 text-zinc-900 dark:border-emerald-400 dark:text-zinc-100"
                      : "border-transparent text-zinc-600 hover:text-zinc-800 dark:text-zinc-400 dark:hover:text-zinc-200",
                  )}
                >
                  {item.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </ScrollFade>
    </nav>
  );
}
