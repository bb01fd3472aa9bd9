"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { timeTicks } from "./time-ticks";

export interface TimeSeries {
  key: string;
  label?: string;
  unit?: string;
  color?: string;
  points: { ts: number | Date; value: number | null }[];
}

/** A shaded time span behind the lines, e.g. an alarm from raised to cleared. */
export interface TimeBand {
  from: number;
  to: number;
  color?: string;
  label?: string;
}

const palette = ["#059669", "#0284c7", "#d97706", "#dc2626", "#7c3aed", "#db2777"];

/** Line chart of one or more numeric series over time (telemetry, usage). */
export function TimeSeriesChart({
  series,
  height = 260,
  formatTime = (ts) => new Date(ts).toLocaleTimeString(),
  emptyLabel = "No data",
  timeDomain,
  bands = [],
}: {
  series: readonly TimeSeries[];
  height?: number;
  formatTime?: (ts: number) => string;
  emptyLabel?: string;
  /** A fixed time axis (ms), e.g. the last hour; by default the axis spans the data. */
  timeDomain?: readonly [number, number];
  /** Shaded spans (ms), drawn behind the lines. */
  bands?: readonly TimeBand[];
}) {
  // recharts wants one row per x value with a column per series.
  const rows = new Map<number, Record<string, number | null>>();
  for (const s of series) {
    for (const p of s.points) {
      const ts = typeof p.ts === "number" ? p.ts : p.ts.getTime();
      const row = rows.get(ts) ?? { ts };
      row[s.key] = p.value;
      rows.set(ts, row);
    }
  }
  const data = [...rows.values()].sort((a, b) => (a.ts as number) - (b.ts as number));
  if (data.length === 0) {
    return (
      <div style={{ height }} className="grid place-items-center text-sm text-zinc-500 dark:text-zinc-400">
        {emptyLabel}
      </div>
    );
  }
  return (
    <div style={{ height }} className="w-full text-xs" data-testid="time-series-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
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
          <YAxis stroke="currentColor" strokeOpacity={0.5} width={48} />
          {/* System colours follow the page's color-scheme, so the tooltip is readable in dark mode too. */}
          <Tooltip
            labelFormatter={(v) => formatTime(Number(v))}
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
          {series.map((s, i) => (
            <Line
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={s.unit ? `${s.label ?? s.key} (${s.unit})` : (s.label ?? s.key)}
              stroke={s.color ?? palette[i % palette.length]}
              dot={false}
              strokeWidth={2}
              connectNulls
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
