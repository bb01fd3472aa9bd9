"use client";

import { Badge, Card, buttonClasses } from "@aspen/ui";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import type { TenantSummary } from "@/components/shell/tenant-switcher";
import { useI18n } from "@/i18n/provider";

export function TenantList({ tenants }: { tenants: TenantSummary[] }) {
  const { t } = useI18n();
  return (
    <main className="mx-auto max-w-3xl px-3 py-8 sm:px-6">
      <PageHeader
        title={t.tenants.title}
        description={t.tenants.subtitle}
        actions={
          <Link href="/tenants/new" className={buttonClasses()} data-testid="new-tenant">
            {t.nav.newTenant}
          </Link>
        }
      />
      <Card>
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="tenant-list">
          {tenants.map((x) => (
            <li key={x.slug}>
              <Link href={`/t/${x.slug}`} className="flex items-center gap-3 px-4 py-3 hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
                <span className="grid size-9 shrink-0 place-items-center rounded-md bg-zinc-100 font-semibold text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
                  {x.name.charAt(0).toUpperCase()}
                </span>
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-medium">{x.name}</span>
                  <span className="block truncate font-mono text-xs text-zinc-500 dark:text-zinc-400">{x.slug}</span>
                </span>
                <Badge>{t.roles[x.role]}</Badge>
              </Link>
            </li>
          ))}
        </ul>
      </Card>
    </main>
  );
}
