"use client";

import type { Property } from "@aspen/core/browser";
import { Button, Card, CardBody, CardHeader, EmptyState, cn } from "@aspen/ui";
import { useState } from "react";
import { useNow } from "@/components/devices/use-now";
import { useI18n } from "@/i18n/provider";
import { ExportPanel } from "./export-panel";
import { HistoryCharts } from "./history-charts";
import { RangePicker, type RangeChoice } from "./range-picker";
import { presetRange } from "./ranges";
import { RawTable } from "./raw-table";

/** At most this many properties are picked at once (the server takes 20 series). */
const maxPicked = 8;

/**
 * A device's history: pick properties (numbers chart as lines, booleans, enums and strings as state
 * timelines) and a range in the browser's time zone; drag across the chart to zoom; a paged table of
 * stored values; CSV / JSON Lines export of the range.
 */
export function HistorySection({ deviceId, properties }: { deviceId: string; properties: readonly Property[] }) {
  const { t, format } = useI18n();
  const now = useNow(30_000);
  const numeric = properties.filter((p) => p.type === "int" || p.type === "float");
  const [picked, setPicked] = useState<string[]>(() =>
    numeric[0] ? [numeric[0].identifier] : properties[0] ? [properties[0].identifier] : [],
  );
  const [range, setRange] = useState<RangeChoice>({ kind: "preset", preset: "r24h" });
  const current = range.kind === "preset" ? presetRange(range.preset, now) : { from: range.from, to: range.to };
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const pickedProps = properties.filter((p) => picked.includes(p.identifier));
  const toggle = (id: string) =>
    setPicked((list) => (list.includes(id) ? list.filter((x) => x !== id) : list.length >= maxPicked ? list : [...list, id]));
  const zoomedFrom = range.kind === "custom" ? range.zoomedFrom : undefined;

  return (
    <Card data-testid="history-section">
      <CardHeader title={t.history.title} description={t.history.hint} />
      <CardBody className="space-y-5">
        {properties.length === 0 ? (
          <EmptyState title={t.history.noProperties} testId="history-no-properties" />
        ) : (
          <>
            <div className="flex flex-wrap gap-1.5" role="group" aria-label={t.history.properties} data-testid="history-properties">
              {properties.map((p) => (
                <button
                  key={p.identifier}
                  type="button"
                  aria-pressed={picked.includes(p.identifier)}
                  data-testid={`history-pick-${p.identifier}`}
                  onClick={() => toggle(p.identifier)}
                  className={cn(
                    "rounded-full border px-2.5 py-0.5 text-xs",
                    picked.includes(p.identifier)
                      ? "border-sky-600 bg-sky-50 text-sky-900 dark:border-sky-500 dark:bg-sky-950 dark:text-sky-100"
                      : "border-zinc-300 text-zinc-600 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800",
                  )}
                >
                  {p.name}
                  {p.unit ? <span className="ml-1 text-zinc-600 dark:text-zinc-400">({p.unit})</span> : null}
                </button>
              ))}
            </div>
            <RangePicker value={range} onChange={setRange} current={current} />
            {zoomedFrom ? (
              <div className="flex items-center gap-2 text-xs" data-testid="history-zoomed">
                <span className="text-zinc-500">{t.history.zoomed}</span>
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() =>
                    setRange(zoomedFrom === "custom" ? { kind: "preset", preset: "r24h" } : { kind: "preset", preset: zoomedFrom })
                  }
                  data-testid="history-reset-zoom"
                >
                  {format(t.history.resetZoom, { range: zoomedFrom === "custom" ? t.history.r24h : t.history[zoomedFrom] })}
                </Button>
              </div>
            ) : null}
            {pickedProps.length === 0 ? (
              <p className="text-sm text-zinc-500">{t.history.pickProperty}</p>
            ) : (
              <HistoryCharts
                deviceId={deviceId}
                picked={pickedProps}
                from={current.from}
                to={current.to}
                timeZone={timeZone}
                onZoom={(from, to) =>
                  setRange({ kind: "custom", from, to, zoomedFrom: zoomedFrom ?? (range.kind === "preset" ? range.preset : "custom") })
                }
              />
            )}
            <RawTable
              key={`${current.from}-${current.to}`}
              deviceId={deviceId}
              properties={pickedProps.length > 0 ? pickedProps : properties}
              from={current.from}
              to={current.to}
            />
            <ExportPanel deviceId={deviceId} from={current.from} to={current.to} />
          </>
        )}
      </CardBody>
    </Card>
  );
}
