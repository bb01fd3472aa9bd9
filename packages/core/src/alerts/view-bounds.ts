import type { Point } from "./evaluate";
import type { TelemetryTrigger } from "./rule-schema";
import type { PointView } from "./shared-windows";

type Scalar = Point["values"][string];
type Condition = TelemetryTrigger["conditions"][number];

/**
 * What the views of one device's points in a read span, so an idle rule is ruled out once per device and read
 * instead of once per point: per property the range of its numbers and the other values it took, and per change
 * window the largest rise above the window's minimum and fall below its maximum.
 */
export interface ViewBounds {
  /** Some point has no view (not known): every rule may hold. */
  unknown: boolean;
  lo: Map<string, number>;
  hi: Map<string, number>;
  others: Map<string, Set<Scalar>>;
  /** Per property and window length (s). */
  rise: Map<string, Map<number, number>>;
  fall: Map<string, Map<number, number>>;
}

function widen(into: Map<number, number>, span: number, by: number) {
  const was = into.get(span);
  if (was === undefined || by > was) into.set(span, by);
}

export function emptyBounds(): ViewBounds {
  return { unknown: false, lo: new Map(), hi: new Map(), others: new Map(), rise: new Map(), fall: new Map() };
}

/** Widens the bounds by one value of a view (undefined: none). */
export function widenByValue(b: ViewBounds, k: string, v: Scalar | undefined): void {
  if (v === undefined) return;
  if (typeof v === "number") {
    const lo = b.lo.get(k);
    if (lo === undefined || v < lo) b.lo.set(k, v);
    const hi = b.hi.get(k);
    if (hi === undefined || v > hi) b.hi.set(k, v);
  } else {
    let set = b.others.get(k);
    if (!set) b.others.set(k, (set = new Set<Scalar>()));
    set.add(v);
  }
}

/** Widens the bounds by a change window's extremes just before a point whose value is `v`. */
export function widenByWindow(b: ViewBounds, k: string, span: number, v: number, max: number | undefined, min: number | undefined): void {
  if (max !== undefined) {
    let fall = b.fall.get(k);
    if (!fall) b.fall.set(k, (fall = new Map<number, number>()));
    widen(fall, span, max - v);
  }
  if (min !== undefined) {
    let rise = b.rise.get(k);
    if (!rise) b.rise.set(k, (rise = new Map<number, number>()));
    widen(rise, span, v - min);
  }
}

/** The bounds of the views of `points` (as `mayHoldAt` sees them). */
export function boundsOf(points: readonly Point[], viewOf: (p: Point) => PointView | undefined): ViewBounds {
  const b = emptyBounds();
  for (const p of points) {
    const view = viewOf(p);
    if (!view) {
      b.unknown = true;
      return b;
    }
    for (const k in view.values) widenByValue(b, k, view.values[k]);
    for (const [k, spans] of view.extremes) {
      const v = view.values[k];
      if (typeof v !== "number") continue;
      for (const [span, [max, min]] of spans) widenByWindow(b, k, span, v, max, min);
    }
  }
  return b;
}

/** Whether a condition may hold at some point within the bounds (never false when it holds at one). */
function mayHoldSomewhere(c: Condition, b: ViewBounds): boolean {
  const lo = b.lo.get(c.property);
  const hi = b.hi.get(c.property);
  if (c.kind === "change") {
    const rise = b.rise.get(c.property)?.get(c.windowSeconds);
    const fall = b.fall.get(c.property)?.get(c.windowSeconds);
    return (rise !== undefined && rise > c.delta) || (fall !== undefined && fall > c.delta);
  }
  if (lo === undefined || hi === undefined) {
    // Only non-numbers were seen (or nothing): numeric comparisons and ranges never hold on them.
    const others = b.others.get(c.property);
    if (!others || c.kind !== "compare") return false;
    if (c.op === "==") return others.has(c.value);
    if (c.op === "!=") return others.size > 1 || !others.has(c.value);
    return false;
  }
  if (c.kind === "range") return c.op === "between" ? lo <= c.max && hi >= c.min : lo < c.min || hi > c.max;
  const others = b.others.get(c.property);
  switch (c.op) {
    case "==":
      return typeof c.value === "number" ? lo <= c.value && c.value <= hi : (others?.has(c.value) ?? false);
    case "!=":
      return lo !== hi || lo !== c.value || (others?.size ?? 0) > 0;
    case ">":
      return typeof c.value === "number" && hi > c.value;
    case ">=":
      return typeof c.value === "number" && hi >= c.value;
    case "<":
      return typeof c.value === "number" && lo < c.value;
    case "<=":
      return typeof c.value === "number" && lo <= c.value;
    default:
      return true;
  }
}

/**
 * Whether a telemetry trigger may hold at some point whose view lies within the bounds. False only when it holds at
 * none of them (so the points need not be looked at one by one); true does not mean it holds.
 */
export function mayHoldWithin(t: TelemetryTrigger, b: ViewBounds): boolean {
  if (b.unknown) return true;
  const all = t.combine === "all";
  for (const c of t.conditions) if (mayHoldSomewhere(c, b) !== all) return !all;
  return all;
}
