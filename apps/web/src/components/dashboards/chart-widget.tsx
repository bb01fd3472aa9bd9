"use client";

import { dashboardRanges, type DashboardRange } from "@aspen/core/browser";
import { TimeSeriesChart, cn } from "@aspen/ui";
import { useI18n } from "@/i18n/provider";
import type { Widget, WidgetData } from "./types";

const colors = ["#0284c7", "#16a34a", "#d97706", "#9333ea", "#dc2626", "#0d9488", "#db2777", "#4f46e5"];

/** Several devices' numeric properties over the widget's range, with a range picker. */
export function ChartWidget({
  widget,
  data,
  range,
  onRange,
}: {
  widget: Extract<Widget, { kind: "chart" }>;
  data: Extract<WidgetData, { kind: "chart" }>;
  range: DashboardRange;
  onRange: (r: DashboardRange) => void;
}) {
  const { t, locale } = useI18n();
  const h = data.history;
  const series = (h?.series ?? [])
    .filter((s) => s.kind === "numeric")
    .map((s, i) => ({
      key: `${s.deviceId}/${s.key}`,
      label: `${s.deviceName} · ${s.name}`,
      unit: s.unit ?? undefined,
      color: colors[i % colors.length],
      points: s.points.map((p) => ({ ts: p.ts, value: p.avg })),
    }));
  const short = (h?.to ?? 0) - (h?.from ?? 0) <= 86_400_000;
  const fmt = new Intl.DateTimeFormat(locale, short ? { hour: "2-digit", minute: "2-digit" } : { month: "short", day: "numeric" });
  return (
    <div className="flex h-full min-h-0 flex-col gap-2" data-testid={`widget-chart-${widget.id}`}>
      <div className="flex flex-wrap gap-1" role="group" aria-label={t.dashboards.range}>
        {dashboardRanges.map((r) => (
          <button
            key={r}
            type="button"
            aria-pressed={r === range}
            onClick={() => onRange(r)}
            className={cn(
              "dash-no-drag rounded border px-1.5 py-0.5 text-xs",
              r === range
                ? "border-sky-600 bg-sky-50 text-sky-900 dark:border-sky-500 dark:bg-sky-950 dark:text-sky-100"
                : "border-zinc-300 text-zinc-600 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800",
            )}
          >
            {t.history[r]}
          </button>
        ))}
      </div>
      <div className="min-h-0 flex-1">
        <TimeSeriesChart
          series={series}
          height={180}
          timeDomain={h ? [h.from, h.to] : undefined}
          formatTime={(ts) => fmt.format(ts)}
          emptyLabel={t.history.noData}
        />
      </div>
    </div>
  );
}
