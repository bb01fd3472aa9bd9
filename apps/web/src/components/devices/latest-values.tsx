"use client";

import { Card, CardHeader, Table, TBody, TD, TH, THead, TR } from "@aspen/ui";
import { useQuery } from "@tanstack/react-query";
import { formatRelative, formatTimestamp } from "@/components/format/dates";
import { QueryBody } from "@/components/shell/query-body";
import { useTenant } from "@/components/tenant/tenant-context";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";
import { mergeLatest } from "./live-patches";
import { displayValue } from "./typed-value";
import { useNow } from "./use-now";

type Latest = RouterOutputs["telemetry"]["latest"];

/** The device's latest values and online state; refetches never take back a newer live value. */
export function useLatest(deviceId: string) {
  const tenant = useTenant();
  const trpc = useTRPC();
  return useQuery({
    ...trpc.telemetry.latest.queryOptions({ tenantSlug: tenant.slug, deviceId }),
    structuralSharing: (old: unknown, next: unknown) => mergeLatest(old as Latest | undefined, next as Latest),
  });
}

/** The newest value of every property (with its unit) and when it arrived; updated live. */
export function LatestValues({ deviceId }: { deviceId: string }) {
  const { t, locale } = useI18n();
  const latest = useLatest(deviceId);
  const now = useNow(10_000);
  return (
    <Card data-testid="latest-values">
      <CardHeader title={t.deviceData.latestTitle} />
      <QueryBody
        query={latest}
        isEmpty={(d) => d.values.length === 0 || d.values.every((v) => v.ts === null)}
        empty={{ title: t.deviceData.noValues, hint: t.deviceData.noValuesHint, testId: "latest-values-empty" }}
      >
        {(d) => (
          <Table>
            <THead>
              <tr>
                <TH>{t.deviceData.property}</TH>
                <TH>{t.deviceData.value}</TH>
                <TH className="hidden sm:table-cell">{t.deviceData.updated}</TH>
              </tr>
            </THead>
            <TBody>
              {d.values.map((v) => (
                <TR key={v.key} data-testid={`latest-${v.key}`}>
                  <TD>
                    <span className="block">{v.name}</span>
                    <span className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{v.key}</span>
                  </TD>
                  <TD className="font-mono tabular-nums" data-testid="latest-value">
                    {displayValue(v.value, v.unit)}
                  </TD>
                  <TD
                    className="hidden whitespace-nowrap text-zinc-500 sm:table-cell dark:text-zinc-400"
                    title={v.ts ? formatTimestamp(v.ts, locale) : undefined}
                  >
                    {v.ts ? formatRelative(new Date(v.ts), locale, now) : "—"}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </QueryBody>
    </Card>
  );
}
