"use client";

import type { ThingModel } from "@aspen/core/browser";
import { Card, Skeleton } from "@aspen/ui";
import { skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { LiveIndicator } from "@/components/live/live-indicator";
import { QueryError } from "@/components/shell/error-state";
import { PageHeader } from "@/components/shell/page-header";
import { QueryBody } from "@/components/shell/query-body";
import { HistorySection } from "@/components/history/history-section";
import { ResponsiveSections } from "@/components/shell/responsive-sections";
import { useTenant } from "@/components/tenant/tenant-context";
import { useI18n } from "@/i18n/provider";
import { errorData } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import { AttributesCard } from "./attributes-card";
import { CommandHistory } from "./command-history";
import { CommandPanel } from "./command-panel";
import { ConnectionHistory } from "./connection-history";
import { DeviceDangerZone } from "./device-danger-zone";
import { DeviceEnabledToggle } from "./device-enabled-toggle";
import { DeviceInfoCard } from "./device-info-card";
import { DeviceLabelsCard } from "./device-labels-card";
import { EventsCard } from "./events-card";
import { LastErrors } from "./last-errors";
import { LatestValues } from "./latest-values";
import { LiveStatus } from "./live-status";
import { DeviceStatusBadge } from "./status-badge";
import { TelemetryCharts } from "./telemetry-charts";
import { useDeviceLive } from "./use-device-live";

/**
 * A device's page: live status, latest values and charts, attributes, commands, events, activity and
 * settings — one under the other on wide screens, as tabs on phones — kept current by the live stream.
 */
export function DeviceDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const tenant = useTenant();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const device = useQuery(trpc.device.byId.queryOptions({ tenantSlug: tenant.slug, id }));
  const live = useDeviceLive(id, device.data !== undefined);
  const product = useQuery(
    trpc.product.byId.queryOptions(device.data ? { tenantSlug: tenant.slug, id: device.data.productId } : skipToken),
  );
  const refreshLists = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.device.list.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.tenant.overview.queryKey() });
  };

  if (device.isPending) {
    return (
      <div data-testid="page-loading">
        <Skeleton className="mb-6 h-8 w-64" />
        <div className="grid gap-6 lg:grid-cols-3">
          <Skeleton className="h-64 lg:col-span-2" />
          <Skeleton className="h-64" />
        </div>
      </div>
    );
  }
  if (device.error) {
    const code = errorData(device.error).code;
    return (
      <Card>
        {code === "NOT_FOUND" || code === "BAD_REQUEST" ? (
          <div className="px-4 py-10 text-center" data-testid="not-found">
            <p className="font-medium">{t.common.notFoundTitle}</p>
            <p className="text-sm text-zinc-500 dark:text-zinc-400">{t.common.notFoundHint}</p>
          </div>
        ) : (
          <QueryError error={device.error} onRetry={() => device.refetch()} />
        )}
      </Card>
    );
  }
  const d = device.data;
  // Sections that follow the product's thing model wait for it (and offer a retry if it fails).
  const withModel = (render: (model: ThingModel) => ReactNode) =>
    product.data ? (
      render(product.data.thingModel)
    ) : (
      <Card>
        <QueryBody query={product} rows={3}>
          {() => null}
        </QueryBody>
      </Card>
    );

  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono break-all" data-testid="device-title">
              {d.name}
            </span>
            <DeviceStatusBadge status={d.status} />
            <LiveIndicator status={live} />
          </span>
        }
        description={
          <Link href={`/t/${tenant.slug}/products/${d.productId}`} className="hover:underline">
            {d.productName}
          </Link>
        }
        actions={<DeviceEnabledToggle id={d.id} name={d.name} enabled={d.enabled} onChanged={refreshLists} />}
      />
      <ResponsiveSections
        initial="live"
        sections={[
          {
            key: "live",
            label: t.deviceData.tabLive,
            content: (
              <div className="grid gap-6 lg:grid-cols-3">
                <LiveStatus deviceId={d.id} />
                <div className="min-w-0 lg:col-span-2">
                  <LatestValues deviceId={d.id} />
                </div>
                <div className="min-w-0 lg:col-span-3">
                  {withModel((m) => (
                    <TelemetryCharts deviceId={d.id} properties={m.properties} />
                  ))}
                </div>
              </div>
            ),
          },
          {
            key: "history",
            label: t.history.title,
            content: withModel((m) => <HistorySection deviceId={d.id} properties={m.properties} />),
          },
          {
            key: "attributes",
            label: t.attributes.title,
            content: withModel((m) => <AttributesCard deviceId={d.id} properties={m.properties} />),
          },
          {
            key: "commands",
            label: t.commands.title,
            content: (
              <div className="space-y-6">
                {withModel((m) => (
                  <CommandPanel deviceId={d.id} commands={m.commands} deviceEnabled={d.enabled} />
                ))}
                <CommandHistory deviceId={d.id} />
              </div>
            ),
          },
          { key: "events", label: t.deviceData.eventsTitle, content: <EventsCard deviceId={d.id} /> },
          {
            key: "activity",
            label: t.deviceData.tabActivity,
            content: (
              // One under the other: side by side at 1280 px the Reason and Topic columns were clipped.
              <div className="grid min-w-0 gap-6">
                <ConnectionHistory deviceId={d.id} />
                <LastErrors deviceId={d.id} />
              </div>
            ),
          },
          {
            key: "details",
            label: t.devices.info,
            content: (
              <div className="grid gap-6 lg:grid-cols-3">
                <div className="min-w-0 space-y-6 lg:col-span-2">
                  <DeviceInfoCard device={d} />
                  <DeviceLabelsCard id={d.id} labels={d.labels} onSaved={refreshLists} />
                </div>
                <DeviceDangerZone id={d.id} name={d.name} onDeleted={refreshLists} />
              </div>
            ),
          },
        ]}
      />
    </>
  );
}
