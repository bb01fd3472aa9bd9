"use client";

import { roundToPrecision } from "@aspen/core/browser";
import { cn } from "@aspen/ui";
import { formatRelative } from "@/components/format/dates";
import { useI18n } from "@/i18n/provider";
import type { LiveValues, Widget, WidgetData } from "./types";

type ValueData = Extract<WidgetData, { kind: "value" | "gauge" | "state" }>;

/** The newest of the loaded value and the live one. */
function current(w: Widget, data: ValueData, live: LiveValues) {
  const key = "key" in w ? w.key : "";
  const l = "deviceId" in w ? live.values[w.deviceId]?.[key] : undefined;
  if (l && (data.ts === null || l.ts >= data.ts)) return l;
  return data.ts === null || data.value === null ? null : { ts: data.ts, value: data.value };
}

function text(value: number | boolean | string, type: string | null) {
  return typeof value === "number" ? String(roundToPrecision(value, { type })) : String(value);
}

/** Latest value card, gauge or on/off state of one device property. */
export function ValueWidget({ widget, data, live }: { widget: Widget; data: ValueData; live: LiveValues }) {
  const { t, locale } = useI18n();
  const d = t.dashboards;
  const v = current(widget, data, live);
  const unit = data.property?.unit ?? "";
  const type = data.property?.type ?? null;
  const testId = `widget-value-${widget.id}`;
  if (v === null)
    return (
      <p className="text-sm text-zinc-500 dark:text-zinc-400" data-testid={testId}>
        {d.noValue}
      </p>
    );
  if (widget.kind === "state") {
    const on = v.value === true || v.value === 1 || v.value === "on" || v.value === "true";
    return (
      <div className="flex items-center gap-3" data-testid={testId} data-value={String(v.value)}>
        <span aria-hidden className={cn("size-4 rounded-full", on ? "bg-emerald-500" : "bg-zinc-300 dark:bg-zinc-600")} />
        <span className="text-2xl font-semibold text-zinc-900 dark:text-zinc-50">
          {typeof v.value === "boolean" ? (on ? d.on : d.off) : String(v.value)}
        </span>
      </div>
    );
  }
  const shown = text(v.value, type);
  if (widget.kind === "gauge" && typeof v.value === "number") {
    const pct = Math.max(0, Math.min(1, (v.value - widget.min) / (widget.max - widget.min)));
    return (
      <div className="space-y-2" data-testid={testId} data-value={shown}>
        <div className="text-3xl font-semibold text-zinc-900 tabular-nums dark:text-zinc-50">
          {shown}
          <span className="ml-1 text-base font-normal text-zinc-500 dark:text-zinc-400">{unit}</span>
        </div>
        <div
          role="meter"
          aria-valuemin={widget.min}
          aria-valuemax={widget.max}
          aria-valuenow={v.value}
          aria-label={data.property?.name ?? widget.key}
          className="h-3 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
        >
          <div className="h-full rounded-full bg-sky-600 dark:bg-sky-500" style={{ width: `${pct * 100}%` }} />
        </div>
        <div className="flex justify-between text-xs text-zinc-500 dark:text-zinc-400">
          <span>{widget.min}</span>
          <span>{widget.max}</span>
        </div>
      </div>
    );
  }
  return (
    <div data-testid={testId} data-value={shown}>
      <div className="text-3xl font-semibold text-zinc-900 tabular-nums dark:text-zinc-50">
        {shown}
        <span className="ml-1 text-base font-normal text-zinc-500 dark:text-zinc-400">{unit}</span>
      </div>
      <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">{formatRelative(new Date(v.ts), locale)}</p>
    </div>
  );
}
