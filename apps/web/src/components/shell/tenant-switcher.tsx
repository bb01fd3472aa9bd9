"use client";

import { menuItemClasses, Popover } from "@aspen/ui";
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
    <Popover
      testId="tenant-switcher"
      label={t.nav.switchTenant}
      className="max-w-[11rem] sm:max-w-xs"
      trigger={
        <>
          <span className="truncate" data-testid="current-tenant">
            {current?.name ?? t.nav.tenants}
          </span>
          <svg viewBox="0 0 20 20" className="size-4 shrink-0 text-zinc-400" fill="currentColor" aria-hidden>
            <path d="M6 8l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
        </>
      }
    >
      {(close) => (
        <div data-testid="tenant-switcher-menu">
          <p className="px-2.5 pt-1.5 pb-1 text-xs font-medium text-zinc-500 uppercase dark:text-zinc-400">{t.nav.switchTenant}</p>
          <ul className="max-h-72 overflow-y-auto">
            {tenants.map((x) => (
              <li key={x.slug}>
                <Link
                  href={`/t/${x.slug}`}
                  onClick={close}
                  className={menuItemClasses}
                  aria-current={x.slug === current?.slug ? "page" : undefined}
                  data-testid={`tenant-option-${x.slug}`}
                >
                  <span className="min-w-0 flex-1 truncate">{x.name}</span>
                  <span className="text-xs text-zinc-400">{t.roles[x.role]}</span>
                </Link>
              </li>
            ))}
          </ul>
          <div className="mt-1 border-t border-zinc-200 pt-1 dark:border-zinc-800">
            <Link href="/tenants/new" onClick={close} className={menuItemClasses} data-testid="new-tenant-link">
              + {t.nav.newTenant}
            </Link>
          </div>
        </div>
      )}
    </Popover>
  );
}
