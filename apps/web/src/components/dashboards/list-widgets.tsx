"use client";

import { Badge } from "@aspen/ui";
import { formatRelative } from "@/components/format/dates";
import { useI18n } from "@/i18n/provider";
import type { WidgetData } from "./types";

/** Devices online / offline / disabled. */
export function StatusWidget({ data }: { data: Extract<WidgetData, { kind: "status" }> }) {
  const { t } = useI18n();
  const d = t.dashboards;
  const c = data.counts;
  const cells = [
    { label: d.online, value: c.online, tone: "text-emerald-700 dark:text-emerald-400" },
    { label: d.offline, value: c.enabled - c.online, tone: "text-zinc-900 dark:text-zinc-50" },
    { label: d.disabled, value: c.total - c.enabled, tone: "text-zinc-600 dark:text-zinc-400" },
  ];
  return (
    <dl className="grid grid-cols-3 gap-2" data-testid={`widget-status-${data.id}`}>
      {cells.map((x) => (
        <div key={x.label}>
          <dt className="text-xs text-zinc-500 dark:text-zinc-400">{x.label}</dt>
          <dd className={`text-2xl font-semibold tabular-nums ${x.tone}`}>{x.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Open alarms, newest first. */
export function AlarmsWidget({ data }: { data: Extract<WidgetData, { kind: "alarms" }> }) {
  const { t, locale } = useI18n();
  if (data.alarms.length === 0) return <p className="text-sm text-zinc-500 dark:text-zinc-400">{t.dashboards.noAlarms}</p>;
  return (
    <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800" data-testid={`widget-alarms-${data.id}`}>
      {data.alarms.map((a) => (
        <li key={a.id} className="flex items-center justify-between gap-2 py-1.5">
          <span className="min-w-0 truncate">
            <span className="font-medium text-zinc-900 dark:text-zinc-100">{a.title}</span>
            <span className="ml-2 text-zinc-500 dark:text-zinc-400">{a.deviceName}</span>
          </span>
          <span className="flex shrink-0 items-center gap-2">
            <Badge tone={a.severity === "critical" || a.severity === "major" ? "red" : "amber"}>{a.severity}</Badge>
            <span className="hidden text-xs text-zinc-500 sm:inline dark:text-zinc-400">{formatRelative(a.lastSeenAt, locale)}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
