"use client";

import type { Property } from "@aspen/core/browser";
import { Callout, Skeleton } from "@aspen/ui";
import { HistoryChart } from "@aspen/ui/history-chart";
import { StateTimeline } from "@aspen/ui/state-timeline";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useAlarmBands } from "@/components/alarms/use-alarm-bands";
import { QueryError } from "@/components/shell/error-state";
import { useTenant } from "@/components/tenant/tenant-context";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { bucketLabel, formatMeasurement } from "./ranges";

/**
 * The chart of the picked numeric properties (avg line, min–max band for buckets, gaps for empty
 * buckets, the partial last bucket dashed; drag to zoom) and a state timeline per other property.
 */
export function HistoryCharts({
  deviceId,
  picked,
  from,
  to,
  timeZone,
  onZoom,
}: {
  deviceId: string;
  picked: readonly Property[];
  from: number;
  to: number;
  timeZone: string;
  onZoom: (from: number, to: number) => void;
}) {
  const { t, format, locale } = useI18n();
  const tenant = useTenant();
  const trpc = useTRPC();
  const q = useQuery({
    ...trpc.history.series.queryOptions({
      tenantSlug: tenant.slug,
      series: picked.map((p) => ({ deviceId, key: p.identifier })),
      from: new Date(from),
      to: new Date(to),
      timeZone,
    }),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
  const bandsOf = useAlarmBands(deviceId, from, Math.min(to, Date.now()));
  if (q.isPending) return <Skeleton className="h-72" />;
  if (q.error) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  const numeric = d.series.filter((s) => s.kind === "numeric");
  const states = d.series.filter((s) => s.kind === "states");
  const span = d.to - d.from;
  const time = new Intl.DateTimeFormat(
    locale,
    span > 2 * 86_400_000
      ? { dateStyle: "short", timeStyle: "short" }
      : span > 86_400_000
        ? { weekday: "short", hour: "2-digit", minute: "2-digit" }
        : { timeStyle: "short" },
  );
  const tooltipTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium" });
  const spec = new Map(d.series.map((s) => [s.key, s]));
  return (
    <div className="space-y-4" data-testid="history-charts" data-bucket={d.bucketSeconds ?? "raw"} data-source={d.source}>
      {numeric.length > 0 ? (
        <div className="min-w-0">
          <p className="mb-1 text-xs text-zinc-500 dark:text-zinc-400" data-testid="history-bucket">
            {d.bucketSeconds === null
              ? t.history.rawPoints
              : format(t.history.bucketed, {
                  size: bucketLabel(d.bucketSeconds),
                  source: d.source === "raw" ? t.history.sourceRaw : t.history.sourceRollup,
                })}
          </p>
          <HistoryChart
            height={280}
            testId="history-chart"
            timeDomain={[d.from, d.to]}
            series={numeric.map((s) => ({ key: s.key, label: s.name, unit: s.unit, points: s.points }))}
            formatTime={(ts) => time.format(ts)}
            formatValue={(v, key) => formatMeasurement(v, spec.get(key) ?? { type: "float" }, locale)}
            emptyLabel={t.history.noData}
            partialLabel={t.history.partial}
            onZoom={onZoom}
            bands={bandsOf()}
          />
        </div>
      ) : null}
      {states.map((s) => (
        <div key={s.key} className="min-w-0" data-testid={`history-states-${s.key}`}>
          <h4 className="mb-1 text-sm font-medium">
            {s.name} <span className="font-mono text-xs font-normal text-zinc-500">{s.key}</span>
            <span className="ml-2 text-xs font-normal text-zinc-500">{t.history.states}</span>
          </h4>
          <StateTimeline
            states={s.states}
            from={d.from}
            to={Math.min(d.to, Date.now())}
            order={s.type === "bool" ? [false, true] : (s.enumValues ?? [])}
            formatTime={(ts) => tooltipTime.format(ts)}
            formatValue={(v) => (typeof v === "boolean" ? (v ? t.values.true : t.values.false) : String(v))}
            emptyLabel={t.history.noData}
            testId={`state-timeline-${s.key}`}
          />
          {s.truncated ? (
            <Callout tone="warning" className="mt-2">
              {t.history.truncated}
            </Callout>
          ) : null}
        </div>
      ))}
    </div>
  );
}
