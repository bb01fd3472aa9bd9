"use client";

import { Badge, type BadgeTone } from "@aspen/ui";
import { formatTimestamp } from "@/components/format/dates";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { PagedTableCard } from "@/components/shell/paged-table";
import { useDevicePage } from "./use-device-page";

const levelTone: Record<string, BadgeTone> = { info: "blue", warning: "amber", fault: "red" };

/** The device's thing-model events, newest first; new ones arrive live. */
export function EventsCard({ deviceId }: { deviceId: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const { query, pager } = useDevicePage(deviceId, "events", (input) => trpc.telemetry.events.queryOptions(input));
  return (
    <PagedTableCard
      title={t.deviceData.eventsTitle}
      testId="device-events"
      query={query}
      pager={pager}
      empty={{ title: t.deviceData.noEvents, hint: t.deviceData.noEventsHint }}
      columns={[
        { header: t.deviceData.time, className: "whitespace-nowrap", cell: (e) => formatTimestamp(e.ts, locale) },
        { header: t.deviceData.event, cell: (e) => <span className="font-mono">{e.event}</span> },
        {
          header: t.deviceData.level,
          cell: (e) => <Badge tone={levelTone[e.level] ?? "neutral"}>{e.level in levelTone ? t.thingModel[e.level] : e.level}</Badge>,
        },
        {
          header: t.deviceData.params,
          className: "hidden sm:table-cell",
          cell: (e) => <code className="block max-w-xs truncate font-mono text-xs">{JSON.stringify(e.params)}</code>,
        },
      ]}
    />
  );
}
