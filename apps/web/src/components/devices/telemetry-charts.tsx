"use client";

import type { Property } from "@aspen/core/browser";
import { Card, CardBody, CardHeader, EmptyState, Skeleton, TimeSeriesChart } from "@aspen/ui";
import { keepPreviousData, useQueries } from "@tanstack/react-query";
import { useAlarmBands } from "@/components/alarms/use-alarm-bands";
import { QueryError } from "@/components/shell/error-state";
import { useTenant } from "@/components/tenant/tenant-context";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { chartHeaderValue } from "./chart-header";
import { useLatest } from "./latest-values";
import { useNow } from "./use-now";

const hourMs = 3_600_000;
/** The queried window starts on a 10-minute boundary and spans 2 h, so live points land inside it and refetches return them. */
const stepMs = 600_000;
const bucketSeconds = 10;
/** Charts drawn at most (one query each). */
const maxCharts = 12;

/**
 * The numeric properties of the thing model, charted over the last hour: stored points first, then live
 * ones. The header shows the latest value (rounded to the property's precision), not a bucket average.
 */
export function TelemetryCharts({ deviceId, properties }: { deviceId: string; properties: readonly Property[] }) {
  const { t, locale } = useI18n();
  const tenant = useTenant();
  const trpc = useTRPC();
  const now = useNow(15_000);
  const latest = useLatest(deviceId);
  const numeric = properties.filter((p) => p.type === "int" || p.type === "float").slice(0, maxCharts);
  const from = Math.floor((now - hourMs) / stepMs) * stepMs;
  const queries = useQueries({
    queries: numeric.map((p) => ({
      ...trpc.telemetry.series.queryOptions({
        tenantSlug: tenant.slug,
        deviceId,
        key: p.identifier,
        from: new Date(from),
        to: new Date(from + 2 * hourMs),
        bucketSeconds,
      }),
      placeholderData: keepPreviousData,
    })),
  });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: "short" });
  const bandsOf = useAlarmBands(deviceId, now - hourMs, now);

  return (
    <Card data-testid="telemetry-charts">
      <CardHeader title={t.deviceData.chartsTitle} description={t.deviceData.chartsHint} />
      <CardBody>
        {numeric.length === 0 ? (
          <EmptyState title={t.deviceData.noNumeric} testId="telemetry-charts-empty" />
        ) : (
          <div className="grid gap-6 md:grid-cols-2">
            {numeric.map((p, i) => {
              const q = queries[i]!;
              const points = (q.data?.points ?? []).filter((pt) => pt.ts >= now - hourMs).map((pt) => ({ ts: pt.ts, value: pt.avg }));
              const last = points.at(-1);
              // `now` ticks every 15 s; a point that arrived since then still belongs on the axis.
              const domain = [now - hourMs, Math.max(now, last?.ts ?? 0)] as const;
              return (
                <div
                  key={p.identifier}
                  className="min-w-0"
                  data-testid={`chart-${p.identifier}`}
                  data-points={points.length}
                  data-last-value={last?.value ?? ""}
                  data-header-value={chartHeaderValue(latest.data, p)}
                >
                  <div className="mb-1 flex items-baseline justify-between gap-2">
                    <h3 className="truncate text-sm font-medium">
                      {p.name} <span className="font-mono text-xs font-normal text-zinc-500 dark:text-zinc-400">{p.identifier}</span>
                    </h3>
                    <span className="font-mono text-sm tabular-nums text-zinc-600 dark:text-zinc-300">
                      {chartHeaderValue(latest.data, p)}
                    </span>
                  </div>
                  {q.isPending ? (
                    <Skeleton className="h-44" />
                  ) : q.error ? (
                    <QueryError error={q.error} onRetry={() => void q.refetch()} />
                  ) : (
                    <TimeSeriesChart
                      height={176}
                      series={[{ key: p.identifier, label: p.name, unit: p.unit, points }]}
                      formatTime={(ts) => time.format(ts)}
                      timeDomain={domain}
                      emptyLabel={t.deviceData.noChartData}
                      bands={bandsOf(p.identifier)}
                    />
                  )}
                </div>
              );
            })}
          </div>
        )}
      </CardBody>
    </Card>
  );
}
