"use client";

import { Menu, MenuItem, MenuLabel, MenuSeparator } from "@aspen/ui";
import Link from "next/link";
import { useParams } from "next/navigation";
import { useI18n } from "@/i18n/provider";

export interface TenantSummary {
  slug: string;
  name: string;
  role: "owner" | "admin" | "developer" | "viewer";
}

/** Lists the user's tenants; the current one comes from the URL. */
export function TenantSwitcher({ tenants }: { tenants: TenantSummary[] }) {
  const { t } = useI18n();
  const params = useParams<{ tenant?: string }>();
  const current = tenants.find((x) => x.slug === params.tenant);
  return (
    <Menu
      testId="tenant-switcher"
      menuTestId="tenant-switcher-menu"
      label={`${t.nav.switchTenant}: ${current?.name ?? t.nav.tenants}`}
      className="max-w-[11rem] sm:max-w-xs"
      panelClassName="max-h-80 overflow-y-auto"
      trigger={
        <>
          <span className="truncate" data-testid="current-tenant">
            {current?.name ?? t.nav.tenants}
          </span>
          <svg viewBox="0 0 20 20" className="size-4 shrink-0 text-zinc-500 dark:text-zinc-400" fill="currentColor" aria-hidden>
            <path d="M6 8l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
        </>
      }
    >
      <MenuLabel>{t.nav.switchTenant}</MenuLabel>
      {tenants.map((x) => (
        <MenuItem key={x.slug} asChild>
          <Link href={`/t/${x.slug}`} aria-current={x.slug === current?.slug ? "page" : undefined} data-testid={`tenant-option-${x.slug}`}>
            <span className="min-w-0 flex-1 truncate">{x.name}</span>
            <span className="text-xs text-zinc-500 dark:text-zinc-400">{t.roles[x.role]}</span>
          </Link>
        </MenuItem>
      ))}
      <MenuSeparator />
      <MenuItem asChild>
        <Link href="/tenants/new" data-testid="new-tenant-link">
          + {t.nav.newTenant}
        </Link>
      </MenuItem>
    </Menu>
  );
}
