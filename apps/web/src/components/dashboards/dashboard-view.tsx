"use client";

import { layoutDeviceIds, nextRow, type DashboardRange } from "@aspen/core/browser";
import { Button, Callout, EmptyState, Skeleton } from "@aspen/ui";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import type { Layout } from "react-grid-layout";
import { LiveIndicator } from "@/components/live/live-indicator";
import { QueryError } from "@/components/shell/error-state";
import { PageHeader } from "@/components/shell/page-header";
import { useCan, useTenant } from "@/components/tenant/tenant-context";
import { useI18n } from "@/i18n/provider";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import { AddWidgetDialog, type WidgetDraft } from "./add-widget-dialog";
import { DashboardGrid } from "./dashboard-grid";
import { ShareDialog } from "./share-dialog";
import type { Widget, WidgetData } from "./types";
import { useDashboardLive } from "./use-dashboard-live";

const sizes: Record<Widget["kind"], { w: number; h: number }> = {
  chart: { w: 6, h: 5 },
  value: { w: 3, h: 3 },
  gauge: { w: 3, h: 3 },
  state: { w: 3, h: 2 },
  status: { w: 4, h: 2 },
  alarms: { w: 6, h: 4 },
  command: { w: 3, h: 3 },
};

const newId = () => Math.random().toString(36).slice(2, 10);

/** Applies the grid's placements to the widgets (same ids). */
function placed(widgets: readonly Widget[], layout: Layout): Widget[] {
  const at = new Map(layout.map((l) => [l.i, l]));
  return widgets.map((w) => {
    const l = at.get(w.id);
    return l ? { ...w, x: l.x, y: l.y, w: l.w, h: l.h } : w;
  });
}

/**
 * A dashboard: its widgets on the grid with their data, updated live. Editors switch to edit mode
 * to add, move, resize and remove widgets, then save (refused when someone saved in between).
 */
export function DashboardView({ id }: { id: string }) {
  const { t } = useI18n();
  const d = t.dashboards;
  const tenant = useTenant();
  const canEdit = useCan("device.write");
  const canCommand = useCan("device.command");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const [editing, setEditingState] = useState(() => canEdit && search.get("edit") === "1");
  // A new dashboard opens in edit mode (`?edit=1`); leaving it drops the flag so a reload shows the view.
  const setEditing = (on: boolean) => {
    setEditingState(on);
    if (!on && search.get("edit")) router.replace(pathname);
  };
  const [draft, setDraft] = useState<Widget[] | null>(null);
  const [adding, setAdding] = useState(false);
  const [sharing, setSharing] = useState(false);
  const [ranges, setRanges] = useState<Record<string, DashboardRange>>({});
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const dashboard = useQuery(trpc.dashboard.byId.queryOptions({ tenantSlug: tenant.slug, id }));
  const dataOptions = trpc.dashboard.data.queryOptions({ tenantSlug: tenant.slug, id, timeZone, ranges });
  const data = useQuery({ ...dataOptions, placeholderData: keepPreviousData, refetchInterval: 60_000 });
  const widgets = useMemo(() => draft ?? dashboard.data?.layout.widgets ?? [], [draft, dashboard.data]);
  const deviceIds = useMemo(() => layoutDeviceIds({ widgets }).sort(), [widgets]);
  const { live, status } = useDashboardLive({ tenantSlug: tenant.slug, deviceIds, dataKey: trpc.dashboard.data.pathKey() });
  const byId = useMemo(() => new Map<string, WidgetData>((data.data?.widgets ?? []).map((w) => [w.id, w])), [data.data]);
  const save = useMutation(
    trpc.dashboard.update.mutationOptions({
      onSuccess: async (res) => {
        queryClient.setQueryData(trpc.dashboard.byId.queryKey({ tenantSlug: tenant.slug, id }), res);
        setDraft(null);
        setEditing(false);
        await queryClient.invalidateQueries({ queryKey: trpc.dashboard.data.pathKey() });
      },
    }),
  );
  const conflict = save.error?.data?.code === "CONFLICT";

  if (dashboard.isPending) return <Skeleton className="h-64 w-full" />;
  if (dashboard.error) return <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const current = dashboard.data;
  const add = (w: WidgetDraft) => {
    const size = sizes[w.kind];
    setDraft([...widgets, { ...w, id: newId(), x: 0, y: nextRow(widgets), ...size }]);
    setAdding(false);
  };
  const actions = (
    <div className="flex flex-wrap items-center gap-2">
      <LiveIndicator status={deviceIds.length ? status : "open"} />
      {canEdit && !editing ? (
        <>
          <Button variant="secondary" onClick={() => setSharing(true)} data-testid="share-dashboard">
            {d.share}
          </Button>
          <Button onClick={() => setEditing(true)} data-testid="edit-dashboard">
            {d.edit}
          </Button>
        </>
      ) : null}
      {editing ? (
        <>
          <Button variant="secondary" onClick={() => setAdding(true)} data-testid="add-widget">
            {d.addWidget}
          </Button>
          <Button
            variant="ghost"
            onClick={() => {
              setDraft(null);
              setEditing(false);
              save.reset();
            }}
          >
            {d.cancel}
          </Button>
          <Button
            onClick={() =>
              draft ? save.mutate({ tenantSlug: tenant.slug, id, version: current.version, layout: { widgets: draft } }) : setEditing(false)
            }
            disabled={save.isPending}
            data-testid="save-dashboard"
          >
            {save.isPending ? d.saving : draft ? d.save : d.done}
          </Button>
        </>
      ) : null}
    </div>
  );
  return (
    <>
      <PageHeader title={current.name} description={editing ? d.editHint : undefined} actions={actions} />
      {save.error ? (
        <Callout tone="danger" className="mb-4" data-testid="save-error">
          <p>{conflict ? d.conflict : errorMessage(save.error, t.common.somethingWrong)}</p>
          {conflict ? (
            <Button
              size="sm"
              variant="secondary"
              className="mt-2"
              onClick={() => {
                setDraft(null);
                save.reset();
                void dashboard.refetch();
              }}
            >
              {d.reload}
            </Button>
          ) : null}
        </Callout>
      ) : null}
      {widgets.length === 0 ? (
        <EmptyState title={d.emptyDashboard} description={canEdit ? d.emptyDashboardHint : undefined} testId="dashboard-empty" />
      ) : (
        <DashboardGrid
          widgets={widgets}
          data={byId}
          editing={editing}
          ctx={{ live, tenantSlug: tenant.slug, canCommand, ranges, onRange: (w, r) => setRanges((x) => ({ ...x, [w]: r })) }}
          onLayout={(l) => {
            const next = placed(widgets, l);
            if (next.some((w, i) => w.x !== widgets[i]?.x || w.y !== widgets[i]?.y || w.w !== widgets[i]?.w || w.h !== widgets[i]?.h))
              setDraft(next);
          }}
          onRemove={editing ? (wid) => setDraft(widgets.filter((w) => w.id !== wid)) : undefined}
        />
      )}
      {canEdit ? <AddWidgetDialog open={adding} onClose={() => setAdding(false)} onAdd={add} tenantSlug={tenant.slug} /> : null}
      {canEdit ? <ShareDialog open={sharing} onClose={() => setSharing(false)} tenantSlug={tenant.slug} dashboardId={id} /> : null}
    </>
  );
}
