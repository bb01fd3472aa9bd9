"use client";

import { Button, Input, cn } from "@aspen/ui";
import { useState } from "react";
import { useI18n } from "@/i18n/provider";
import { fromLocalInput, presetKeys, toLocalInput, type Preset } from "./ranges";

export type RangeChoice = { kind: "preset"; preset: Preset } | { kind: "custom"; from: number; to: number; zoomedFrom?: Preset | "custom" };

/** Preset range buttons and a custom from/to in the browser's time zone (which is shown). */
export function RangePicker({
  value,
  onChange,
  current,
}: {
  value: RangeChoice;
  onChange: (r: RangeChoice) => void;
  current: { from: number; to: number };
}) {
  const { t, format } = useI18n();
  const [custom, setCustom] = useState(() => ({ from: toLocalInput(current.from), to: toLocalInput(current.to) }));
  const [open, setOpen] = useState(false);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const from = fromLocalInput(custom.from);
  const to = fromLocalInput(custom.to);
  return (
    <div className="space-y-2" data-testid="history-range">
      <div className="flex flex-wrap items-center gap-1" role="group" aria-label={t.history.range}>
        {presetKeys.map((p) => (
          <button
            key={p}
            type="button"
            data-testid={`range-${p}`}
            aria-pressed={value.kind === "preset" && value.preset === p}
            onClick={() => {
              setOpen(false);
              onChange({ kind: "preset", preset: p });
            }}
            className={cn(
              "rounded-md border px-2.5 py-1 text-xs font-medium tabular-nums",
              value.kind === "preset" && value.preset === p
                ? "border-emerald-700 bg-emerald-700 text-white"
                : "border-zinc-300 text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800",
            )}
          >
            {t.history[p]}
          </button>
        ))}
        <button
          type="button"
          data-testid="range-custom"
          aria-pressed={value.kind === "custom"}
          onClick={() => {
            setCustom({ from: toLocalInput(current.from), to: toLocalInput(current.to) });
            setOpen((o) => !o);
          }}
          className={cn(
            "rounded-md border px-2.5 py-1 text-xs font-medium",
            value.kind === "custom"
              ? "border-emerald-700 bg-emerald-700 text-white"
              : "border-zinc-300 text-zinc-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800",
          )}
        >
          {t.history.custom}
        </button>
        <span className="ml-auto text-xs text-zinc-500 dark:text-zinc-400" data-testid="history-zone">
          {format(t.history.timeZone, { zone })}
        </span>
      </div>
      {open ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (from < to) {
              setOpen(false);
              onChange({ kind: "custom", from, to });
            }
          }}
        >
          <label className="text-xs">
            <span className="mb-1 block text-zinc-500">{t.history.from}</span>
            <Input
              type="datetime-local"
              value={custom.from}
              onChange={(e) => setCustom((c) => ({ ...c, from: e.target.value }))}
              data-testid="range-from"
              className="h-8 w-auto"
            />
          </label>
          <label className="text-xs">
            <span className="mb-1 block text-zinc-500">{t.history.to}</span>
            <Input
              type="datetime-local"
              value={custom.to}
              onChange={(e) => setCustom((c) => ({ ...c, to: e.target.value }))}
              data-testid="range-to"
              className="h-8 w-auto"
            />
          </label>
          <Button type="submit" size="sm" variant="secondary" disabled={!(from < to)} data-testid="range-apply">
            {t.history.apply}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
