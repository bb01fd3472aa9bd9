"use client";

import { useState } from "react";
import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { historyColumns, historyRows, zoomRange, type HistorySeries } from "./history-rows";
import type { TimeBand } from "./time-series-chart";
import { timeTicks } from "./time-ticks";

export type { HistoryPoint, HistorySeries } from "./history-rows";

const palette = ["#059669", "#0284c7", "#d97706", "#dc2626", "#7c3aed", "#db2777"];

/**
 * Line chart of aggregated (or raw) series: avg line with a min–max band, empty buckets drawn as gaps,
 * the still-filling last bucket as a dashed segment, and drag-to-zoom (`onZoom` with the dragged range).
 */
export function HistoryChart({
  series,
  height = 280,
  formatTime = (ts) => new Date(ts).toLocaleString(),
  formatValue = (v) => String(v),
  emptyLabel = "No data",
  partialLabel = "partial",
  timeDomain,
  onZoom,
  testId = "history-chart",
  bands = [],
}: {
  series: readonly HistorySeries[];
  height?: number;
  formatTime?: (ts: number) => string;
  /** A value as shown in the tooltip (rounded, with unit) for a series key. */
  formatValue?: (value: number, key: string) => string;
  emptyLabel?: string;
  partialLabel?: string;
  timeDomain?: readonly [number, number];
  onZoom?: (from: number, to: number) => void;
  testId?: string;
  /** Shaded spans (ms) behind the series, e.g. alarms from raised to cleared. */
  bands?: readonly TimeBand[];
}) {
  const [drag, setDrag] = useState<{ a?: number; b?: number }>({});
  const data = historyRows(series);
  const hasValues = series.some((s) => s.points.some((p) => p.avg !== null));
  if (!hasValues) {
    return (
      <div style={{ height }} className="grid place-items-center text-sm text-zinc-500 dark:text-zinc-400" data-testid={`${testId}-empty`}>
        {emptyLabel}
      </div>
    );
  }
  const partialPoints = series.flatMap((s) => s.points.filter((p) => p.partial)).length;
  const label = (v: unknown) => (typeof v === "number" ? v : Number(v));
  return (
    <div
      style={{ height }}
      className="w-full select-none text-xs"
      data-testid={testId}
      data-points={data.length}
      data-partial={partialPoints}
      data-gaps={series.reduce((n, s) => n + s.points.filter((p) => p.avg === null).length, 0)}
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart
          data={data}
          margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
          onMouseDown={(s) => onZoom && setDrag({ a: label(s.activeLabel) })}
          onMouseMove={(s) => drag.a !== undefined && setDrag((d) => ({ ...d, b: label(s.activeLabel) }))}
          onMouseUp={() => {
            const r = zoomRange(drag.a, drag.b);
            setDrag({});
            if (r && onZoom) onZoom(r[0], r[1]);
          }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.12} />
          <XAxis
            dataKey="ts"
            type="number"
            scale="time"
            domain={timeDomain ? [timeDomain[0], timeDomain[1]] : ["dataMin", "dataMax"]}
            allowDataOverflow={!!timeDomain}
            ticks={timeDomain ? timeTicks(timeDomain) : undefined}
            tickFormatter={(v: number) => formatTime(v)}
            stroke="currentColor"
            strokeOpacity={0.5}
          />
          <YAxis stroke="currentColor" strokeOpacity={0.5} width={52} domain={["auto", "auto"]} />
          <Tooltip
            labelFormatter={(v) => formatTime(Number(v))}
            formatter={(value, name, item) => {
              const key = String(item.dataKey ?? "").split("__")[0]!;
              if (Array.isArray(value)) return [`${formatValue(Number(value[0]), key)} – ${formatValue(Number(value[1]), key)}`, `${name}`];
              const partial = String(item.dataKey).endsWith("__partial");
              return [`${formatValue(Number(value), key)}${partial ? ` (${partialLabel})` : ""}`, name];
            }}
            contentStyle={{ backgroundColor: "Canvas", color: "CanvasText", borderColor: "GrayText", borderRadius: 6 }}
          />
          {bands.map((b, i) => (
            <ReferenceArea
              key={`band-${i}`}
              x1={b.from}
              x2={b.to}
              fill={b.color ?? "#dc2626"}
              fillOpacity={0.14}
              strokeOpacity={0}
              ifOverflow="hidden"
              label={b.label}
            />
          ))}
          {series.length > 1 ? <Legend /> : null}
          {series.map((s, i) => {
            const c = historyColumns(s.key);
            const color = s.color ?? palette[i % palette.length];
            const name = s.unit ? `${s.label ?? s.key} (${s.unit})` : (s.label ?? s.key);
            return [
              <Area
                key={c.band}
                dataKey={c.band}
                name={`${name} min–max`}
                stroke="none"
                fill={color}
                fillOpacity={0.15}
                isAnimationActive={false}
                legendType="none"
                connectNulls={false}
              />,
              <Line
                key={c.line}
                dataKey={c.line}
                name={name}
                stroke={color}
                dot={false}
                strokeWidth={2}
                connectNulls={false}
                isAnimationActive={false}
              />,
              <Line
                key={c.partial}
                dataKey={c.partial}
                name={`${name}`}
                stroke={color}
                strokeDasharray="4 3"
                dot={{ r: 3 }}
                strokeWidth={2}
                connectNulls
                isAnimationActive={false}
                legendType="none"
              />,
            ];
          })}
          {drag.a !== undefined && drag.b !== undefined ? (
            <ReferenceArea x1={drag.a} x2={drag.b} strokeOpacity={0.3} fill="currentColor" fillOpacity={0.1} />
          ) : null}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
