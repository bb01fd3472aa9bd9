"use client";

import type { DashboardRange } from "@aspen/core/browser";
import { EmptyState, Skeleton } from "@aspen/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { DashboardGrid } from "./dashboard-grid";
import type { LiveValues, WidgetData } from "./types";

const noLive: LiveValues = { values: {}, online: {} };

/**
 * A dashboard opened by its share link, signed out: read-only, refreshed every 5 s (each refresh
 * asks with the token again, so a revoked link stops at the next one).
 */
export function SharedDashboard({ token }: { token: string }) {
  const { t } = useI18n();
  const d = t.dashboards;
  const trpc = useTRPC();
  const [ranges, setRanges] = useState<Record<string, DashboardRange>>({});
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const view = useQuery({
    ...trpc.dashboardShare.view.queryOptions({ token, timeZone, ranges }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.error ? false : 5_000),
    retry: false,
  });
  const byId = useMemo(() => new Map<string, WidgetData>((view.data?.widgets ?? []).map((w) => [w.id, w])), [view.data]);
  if (view.isPending) return <Skeleton className="h-64 w-full" />;
  if (view.error) return <EmptyState title={d.sharedGone} description={d.sharedGoneHint} testId="shared-gone" />;
  return (
    <div data-testid="shared-dashboard">
      <header className="mb-4">
        <h1 className="text-xl font-semibold text-zinc-900 dark:text-zinc-50" data-testid="page-title">
          {view.data.name}
        </h1>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{d.sharedBy}</p>
      </header>
      {view.data.layout.widgets.length === 0 ? (
        <EmptyState title={d.emptyDashboard} />
      ) : (
        <DashboardGrid
          widgets={view.data.layout.widgets}
          data={byId}
          editing={false}
          ctx={{ live: noLive, tenantSlug: null, canCommand: false, ranges, onRange: (w, r) => setRanges((x) => ({ ...x, [w]: r })) }}
        />
      )}
    </div>
  );
}
