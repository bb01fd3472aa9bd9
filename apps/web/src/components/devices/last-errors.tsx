"use client";

import { Badge } from "@aspen/ui";
import { formatTimestamp } from "@/components/format/dates";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { PagedTableCard } from "@/components/shell/paged-table";
import { useDevicePage } from "./use-device-page";

/** Input the platform refused from this device (bad payloads, refused connections…), newest first. */
export function LastErrors({ deviceId }: { deviceId: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const { query, pager } = useDevicePage(deviceId, "errors", (input) => trpc.deviceActivity.errors.queryOptions(input));
  return (
    <PagedTableCard
      title={t.deviceData.errorsTitle}
      testId="device-errors"
      query={query}
      pager={pager}
      empty={{ title: t.deviceData.noErrors, hint: t.deviceData.noErrorsHint }}
      columns={[
        { header: t.deviceData.at, className: "whitespace-nowrap", cell: (e) => formatTimestamp(e.at, locale) },
        { header: t.deviceData.kind, cell: (e) => <Badge tone="red">{e.kind}</Badge> },
        { header: t.deviceData.reason, cell: (e) => <span className="break-words">{e.reason}</span> },
        { header: t.deviceData.topic, className: "hidden md:table-cell font-mono text-xs break-all", cell: (e) => e.topic ?? "—" },
      ]}
    />
  );
}
