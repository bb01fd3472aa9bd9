"use client";

import type { Dictionary } from "@/i18n/en";
import { useI18n } from "@/i18n/provider";
import { AlarmsWidget, StatusWidget } from "./list-widgets";
import { ChartWidget } from "./chart-widget";
import { CommandWidget } from "./command-widget";
import type { Widget, WidgetContext, WidgetData } from "./types";
import { ValueWidget } from "./value-widgets";

/** A widget kind's name in the active language. */
export function kindLabel(d: Dictionary["dashboards"], kind: Widget["kind"]): string {
  const labels: Record<Widget["kind"], string> = {
    chart: d.kindChart,
    value: d.kindValue,
    gauge: d.kindGauge,
    state: d.kindState,
    status: d.kindStatus,
    alarms: d.kindAlarms,
    command: d.kindCommand,
  };
  return labels[kind];
}

/** The widget's own title, or what it shows. */
export function widgetTitle(w: Widget, data: WidgetData | undefined, d: Dictionary["dashboards"]): string {
  if (w.title) return w.title;
  if (data && "property" in data && data.property && data.device) return `${data.device.name} · ${data.property.name}`;
  if (data && data.kind === "command" && data.device) return data.device.name;
  if (data && data.kind === "chart" && data.history?.series.length) {
    const names = [...new Set(data.history.series.map((s) => s.name))];
    return names.length <= 2 ? names.join(", ") : kindLabel(d, w.kind);
  }
  return kindLabel(d, w.kind);
}

/** One widget: a title bar (the drag handle in edit mode) and its body. */
export function WidgetFrame({
  widget,
  data,
  ctx,
  editing,
  onRemove,
}: {
  widget: Widget;
  data: WidgetData | undefined;
  ctx: WidgetContext;
  editing: boolean;
  onRemove?: () => void;
}) {
  const { t, format } = useI18n();
  const d = t.dashboards;
  const title = widgetTitle(widget, data, d);
  return (
    <section
      aria-label={title}
      data-testid={`widget-${widget.id}`}
      className="flex h-full flex-col overflow-hidden rounded-lg border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      <header
        className={`dash-drag flex items-center justify-between gap-2 border-b border-zinc-100 px-3 py-2 dark:border-zinc-800 ${editing ? "cursor-move" : ""}`}
      >
        <h2 className="truncate text-sm font-medium text-zinc-800 dark:text-zinc-100">{title}</h2>
        {editing && onRemove ? (
          <button
            type="button"
            onClick={onRemove}
            aria-label={format(d.removeWidget, { title })}
            data-testid={`remove-widget-${widget.id}`}
            className="dash-no-drag rounded px-1.5 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
          >
            ×
          </button>
        ) : null}
      </header>
      <div className="min-h-0 flex-1 overflow-auto p-3">
        <WidgetBody widget={widget} data={data} ctx={ctx} />
      </div>
    </section>
  );
}

function WidgetBody({ widget, data, ctx }: { widget: Widget; data: WidgetData | undefined; ctx: WidgetContext }) {
  const { t, format } = useI18n();
  if (!data) {
    return <div className="h-full animate-pulse rounded bg-zinc-100 dark:bg-zinc-800" />;
  }
  if (data.error) {
    return <p className="text-sm text-amber-800 dark:text-amber-300">{format(t.dashboards.widgetError, { error: data.error })}</p>;
  }
  switch (data.kind) {
    case "chart":
      return widget.kind === "chart" ? (
        <ChartWidget widget={widget} data={data} range={ctx.ranges[widget.id] ?? widget.range} onRange={(r) => ctx.onRange(widget.id, r)} />
      ) : null;
    case "value":
    case "gauge":
    case "state":
      return <ValueWidget widget={widget} data={data} live={ctx.live} />;
    case "status":
      return <StatusWidget data={data} />;
    case "alarms":
      return <AlarmsWidget data={data} />;
    case "command":
      return widget.kind === "command" && ctx.tenantSlug ? (
        <CommandWidget widget={widget} data={data} tenantSlug={ctx.tenantSlug} canCommand={ctx.canCommand} />
      ) : null;
  }
}
