"use client";

import { Badge } from "@aspen/ui";
import { formatTimestamp } from "@/components/format/dates";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { PagedTableCard } from "@/components/shell/paged-table";
import { useDevicePage } from "./use-device-page";

const mqttVersions: Record<number, string> = { 3: "3.1", 4: "3.1.1", 5: "5" };

/** When and from where the device connected, over what, and when and why it went away. */
export function ConnectionHistory({ deviceId }: { deviceId: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const { query, pager } = useDevicePage(deviceId, "connections", (input) => trpc.deviceActivity.connections.queryOptions(input));
  return (
    <PagedTableCard
      title={t.deviceData.connectionsTitle}
      testId="device-connections"
      query={query}
      pager={pager}
      empty={{ title: t.deviceData.noConnections, hint: t.deviceData.noConnectionsHint }}
      columns={[
        { header: t.deviceData.connectedAt, className: "whitespace-nowrap", cell: (c) => formatTimestamp(c.connectedAt, locale) },
        { header: t.deviceData.ip, className: "font-mono text-xs", cell: (c) => c.ip ?? "—" },
        {
          header: t.deviceData.protocol,
          className: "hidden sm:table-cell whitespace-nowrap",
          cell: (c) => `${c.protocol}${c.protocolVersion ? ` ${mqttVersions[c.protocolVersion] ?? c.protocolVersion}` : ""}`,
        },
        {
          header: t.deviceData.disconnectedAt,
          className: "whitespace-nowrap",
          cell: (c) =>
            c.disconnectedAt ? (
              formatTimestamp(c.disconnectedAt, locale)
            ) : (
              <Badge tone="green" dot data-testid="connection-open">
                {t.deviceData.connectedNow}
              </Badge>
            ),
        },
        { header: t.deviceData.reason, className: "hidden md:table-cell", cell: (c) => c.reason ?? "—" },
      ]}
    />
  );
}
