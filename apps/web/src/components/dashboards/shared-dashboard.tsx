"use client";

import type { DashboardRange } from "@aspen/core/browser";
import { EmptyState, Skeleton } from "@aspen/ui";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { LiveIndicator } from "@/components/live/live-indicator";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { DashboardGrid } from "./dashboard-grid";
import type { WidgetData } from "./types";
import { useDashboardLive } from "./use-dashboard-live";

/**
 * A dashboard opened by its share link, signed out: read-only, updated live over the link's own
 * stream (only its series), which ends when the link is revoked and asks for a reload when the
 * dashboard is edited. While that stream is not open the view polls every 5 s instead (each poll
 * asks with the token again, so a revoked link stops at the next one).
 */
export function SharedDashboard({ token }: { token: string }) {
  const { t } = useI18n();
  const d = t.dashboards;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [ranges, setRanges] = useState<Record<string, DashboardRange>>({});
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const viewOptions = trpc.dashboardShare.view.queryOptions({ token, timeZone, ranges });
  const dataKey = trpc.dashboardShare.view.pathKey();
  // A link found gone needs no stream (this component re-renders with the query below).
  const gone = queryClient.getQueryState(viewOptions.queryKey)?.status === "error";
  const { live, status } = useDashboardLive({
    shareToken: token,
    dataKey,
    enabled: !gone,
    onRevoked: () => void queryClient.invalidateQueries({ queryKey: dataKey }),
  });
  const view = useQuery({
    ...viewOptions,
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.error ? false : status === "open" ? 60_000 : 5_000),
    retry: false,
  });
  const byId = useMemo(() => new Map<string, WidgetData>((view.data?.widgets ?? []).map((w) => [w.id, w])), [view.data]);
  if (view.isPending) return <Skeleton className="h-64 w-full" />;
  if (view.error) return <EmptyState title={d.sharedGone} description={d.sharedGoneHint} testId="shared-gone" />;
  return (
    <div data-testid="shared-dashboard">
      <header className="mb-4 flex flex-wrap items-start justify-between gap-2">
        <div>
          <h1 className="text-xl font-semibold text-zinc-900 dark:text-zinc-50" data-testid="page-title">
            {view.data.name}
          </h1>
          <p className="text-sm text-zinc-500 dark:text-zinc-400">{d.sharedBy}</p>
        </div>
        <LiveIndicator status={status} />
      </header>
      {view.data.layout.widgets.length === 0 ? (
        <EmptyState title={d.emptyDashboard} />
      ) : (
        <DashboardGrid
          widgets={view.data.layout.widgets}
          data={byId}
          editing={false}
          ctx={{ live, tenantSlug: null, canCommand: false, ranges, onRange: (w, r) => setRanges((x) => ({ ...x, [w]: r })) }}
        />
      )}
    </div>
  );
}
