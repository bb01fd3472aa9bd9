"use client";

import { Badge, Card, CardHeader, SkeletonRows } from "@aspen/ui";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatRelative } from "@/components/format/dates";
import { QueryError } from "@/components/shell/error-state";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { useTenant } from "./tenant-context";

/** The last few audit entries, for members who may read the audit log. */
export function RecentActivity() {
  const { t, locale } = useI18n();
  const tenant = useTenant();
  const trpc = useTRPC();
  const entries = useQuery(trpc.audit.list.queryOptions({ tenantSlug: tenant.slug, page: 1, pageSize: 6 }));
  return (
    <Card data-testid="recent-activity">
      <CardHeader
        title={t.overview.recentActivity}
        actions={
          <Link href={`/t/${tenant.slug}/audit`} className="text-sm text-emerald-700 hover:underline dark:text-emerald-400">
            {t.nav.audit} →
          </Link>
        }
      />
      {entries.isPending ? (
        <SkeletonRows rows={3} label={t.common.loading} />
      ) : entries.error ? (
        <QueryError error={entries.error} onRetry={() => entries.refetch()} />
      ) : entries.data.items.length === 0 ? (
        <p className="px-4 py-6 text-center text-sm text-zinc-500 dark:text-zinc-400">{t.overview.noActivity}</p>
      ) : (
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {entries.data.items.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2.5 text-sm">
              <Badge className="font-mono">{e.action}</Badge>
              <span className="min-w-0 flex-1 truncate">{e.targetName ?? e.targetId ?? ""}</span>
              <span className="truncate text-xs text-zinc-500 dark:text-zinc-400">
                {e.actorEmail ?? t.audit.system} · {formatRelative(e.createdAt, locale)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
