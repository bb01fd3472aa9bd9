"use client";

const palette = ["#059669", "#0284c7", "#d97706", "#7c3aed", "#db2777", "#dc2626", "#65a30d", "#0891b2"];

export interface StateChange {
  ts: number;
  value: number | boolean | string | null;
}

/** Segments of a state timeline: each change holds until the next one (the last until `to`), clipped to the range. */
export function stateSegments(states: readonly StateChange[], from: number, to: number) {
  const out: { from: number; to: number; value: StateChange["value"] }[] = [];
  states.forEach((s, i) => {
    const start = Math.max(from, s.ts);
    const end = Math.min(to, states[i + 1]?.ts ?? to);
    if (end > start) out.push({ from: start, to: end, value: s.value });
  });
  return out;
}

/**
 * A state timeline (booleans, enums, strings): one coloured band per value over time, with a legend.
 * `order` fixes the colour of known values (an enum's values, false/true), others follow.
 */
export function StateTimeline({
  states,
  from,
  to,
  order = [],
  formatTime = (ts) => new Date(ts).toLocaleString(),
  formatValue = (v) => String(v),
  emptyLabel = "No data",
  testId = "state-timeline",
}: {
  states: readonly StateChange[];
  from: number;
  to: number;
  order?: readonly (string | boolean | number)[];
  formatTime?: (ts: number) => string;
  formatValue?: (v: StateChange["value"]) => string;
  emptyLabel?: string;
  testId?: string;
}) {
  const segments = stateSegments(states, from, to);
  if (segments.length === 0) {
    return (
      <div className="grid h-10 place-items-center text-sm text-zinc-500 dark:text-zinc-400" data-testid={`${testId}-empty`}>
        {emptyLabel}
      </div>
    );
  }
  const values = [...order];
  for (const s of segments) if (s.value !== null && !values.includes(s.value)) values.push(s.value);
  const color = (v: StateChange["value"]) => (v === null ? "transparent" : palette[values.indexOf(v) % palette.length]);
  const span = to - from;
  return (
    <div data-testid={testId} data-segments={segments.length}>
      <div
        className="relative h-7 w-full overflow-hidden rounded bg-zinc-100 dark:bg-zinc-800"
        role="img"
        aria-label={segments.map((s) => `${formatTime(s.from)}: ${formatValue(s.value)}`).join("; ")}
      >
        {segments.map((s) => (
          <div
            key={s.from}
            className="absolute inset-y-0"
            style={{
              left: `${((s.from - from) / span) * 100}%`,
              width: `${((s.to - s.from) / span) * 100}%`,
              backgroundColor: color(s.value),
            }}
            title={`${formatTime(s.from)} – ${formatTime(s.to)}: ${formatValue(s.value)}`}
          />
        ))}
      </div>
      <div className="mt-1 flex justify-between text-xs text-zinc-500 dark:text-zinc-400">
        <span>{formatTime(from)}</span>
        <span>{formatTime(to)}</span>
      </div>
      <ul className="mt-1 flex flex-wrap gap-3 text-xs">
        {values
          .filter((v) => segments.some((s) => s.value === v))
          .map((v) => (
            <li key={String(v)} className="flex items-center gap-1">
              <span className="inline-block size-2.5 rounded-sm" style={{ backgroundColor: color(v) }} />
              {formatValue(v)}
            </li>
          ))}
      </ul>
    </div>
  );
}
