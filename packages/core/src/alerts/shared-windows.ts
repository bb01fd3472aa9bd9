import { conditionHolds, pushInPlace, referencedProperties, type Point, type Window } from "./evaluate";
import type { ClearCondition, TelemetryTrigger, Trigger } from "./rule-schema";
import { widenByValue, widenByWindow, type ViewBounds } from "./view-bounds";

type Scalar = Point["values"][string];

/**
 * What the rules of one device read beyond a single point, shared by all of them: per property a window for
 * "changed by more than X within a window" conditions (as long as the longest of them), and the latest value of
 * each property that rules reading several properties combine. Rules keep neither of their own.
 */
export interface DeviceWindows {
  v: 1;
  /** The last stream entry whose points were added. */
  lastEntry: string;
  windows: Record<string, Window>;
  /** Latest value per tracked property, and the time of the newest point applied to them. */
  latest?: Record<string, Scalar>;
  latestTs?: number;
}

/** What the change conditions on one property need: the longest window and every window length (s). */
export interface WindowNeed {
  seconds: number;
  spans: number[];
}

/** What a device's rules need kept: change windows, and the properties whose latest value rules combine. */
export interface DeviceNeeds {
  windows: Map<string, WindowNeed>;
  latest: Set<string>;
}

export function emptyNeeds(): DeviceNeeds {
  return { windows: new Map(), latest: new Set() };
}

/** Adds what a rule's trigger and clear condition need to `into`. */
export function addDeviceNeeds(parts: (Trigger | ClearCondition | undefined)[], into: DeviceNeeds): DeviceNeeds {
  const read = referencedProperties(...parts);
  if (read.size > 1) for (const k of read) into.latest.add(k);
  for (const t of parts) {
    if (t?.type !== "telemetry") continue;
    for (const c of t.conditions) {
      if (c.kind !== "change") continue;
      const n = into.windows.get(c.property) ?? { seconds: 0, spans: [] };
      if (!n.spans.includes(c.windowSeconds)) n.spans.push(c.windowSeconds);
      n.seconds = Math.max(n.seconds, c.windowSeconds);
      into.windows.set(c.property, n);
    }
  }
  return into;
}

/** Per property and window length (s), the window's maximum and minimum just before a point. */
export type Extremes = Map<string, Map<number, [max: number | undefined, min: number | undefined]>>;

/** What a rule needs to be judged on a point without its own state. */
export interface PointView {
  extremes: Extremes;
  /** The latest value of each tracked property once the point is applied. */
  values: Record<string, Scalar>;
}

/**
 * Adds points (oldest first) to a device's shared state in place. Windows drop samples older than the longest
 * window of their property, and a point older than a window's newest sample is not added; latest values move only
 * forward in time. Returns, per point, the window extremes just before it and the latest values with it applied.
 */
export function advanceWindows(state: DeviceWindows, needs: DeviceNeeds, points: Point[]): PointView[] {
  const views: PointView[] = [];
  advance(state, needs, points, views, null);
  return views;
}

/**
 * `advanceWindows` without a view per point: widens `bounds` to what those views would span (`boundsOf` of them),
 * which is all a read needs while every idle rule is ruled out by its bounds.
 */
export function advanceWindowsWithin(state: DeviceWindows, needs: DeviceNeeds, points: Point[], bounds: ViewBounds): void {
  advance(state, needs, points, null, bounds);
}

function advance(state: DeviceWindows, needs: DeviceNeeds, points: Point[], views: PointView[] | null, bounds: ViewBounds | null) {
  const latest = (state.latest ??= {});
  const tracksLatest = needs.latest.size > 0;
  for (const p of points) {
    const extremes: Extremes | null = views ? new Map() : null;
    for (const [k, need] of needs.windows) {
      const v = p.values[k];
      if (typeof v !== "number") continue;
      const w = (state.windows[k] ??= { hi: [], lo: [] });
      const newest = w.hi[w.hi.length - 1];
      if (newest && p.ts < newest[0]) continue;
      const oldest = p.ts - need.seconds * 1000;
      while ((w.hi[0]?.[0] ?? Infinity) < oldest) w.hi.shift();
      while ((w.lo[0]?.[0] ?? Infinity) < oldest) w.lo.shift();
      const spans = extremes ? new Map<number, [number | undefined, number | undefined]>() : null;
      for (const span of need.spans) {
        const from = p.ts - span * 1000;
        const max = firstSince(w.hi, from);
        const min = firstSince(w.lo, from);
        spans?.set(span, [max, min]);
        if (bounds) widenByWindow(bounds, k, span, v, max, min);
      }
      if (spans) extremes?.set(k, spans);
      pushInPlace(w, [p.ts, v]);
    }
    if (tracksLatest && p.ts >= (state.latestTs ?? -Infinity)) {
      for (const k of needs.latest) {
        const v = p.values[k];
        if (v !== undefined) latest[k] = v;
      }
      state.latestTs = p.ts;
    }
    if (extremes) views?.push({ extremes, values: tracksLatest ? { ...latest, ...p.values } : p.values });
    if (bounds) {
      // The same values as the view's, without building it: the point's own, then the latest of the others.
      for (const k in p.values) widenByValue(bounds, k, p.values[k]);
      if (tracksLatest) for (const k in latest) if (p.values[k] === undefined) widenByValue(bounds, k, latest[k]);
    }
  }
}
const scratch: { latest: Point["values"]; windows: Record<string, Window> } = { latest: {}, windows: {} };

/**
 * Whether a telemetry trigger can hold at a point, judged without the rule's own state: comparisons and ranges on
 * the view's values, change conditions on its window extremes. A point without a view (not known) may hold.
 */
export function mayHoldAt(t: TelemetryTrigger, p: Point, view: PointView | undefined): boolean {
  if (!view) return true;
  // Loops, not closures: this runs for every idle rule and point (and tsx names every closure it creates).
  const all = t.combine === "all";
  scratch.latest = view.values;
  for (const c of t.conditions) {
    const holds = c.kind === "change" ? changeHolds(c, view) : conditionHolds(c, scratch, p.ts);
    if (holds !== all) return holds;
  }
  return all;
}

function changeHolds(c: Extract<TelemetryTrigger["conditions"][number], { kind: "change" }>, view: PointView): boolean {
  const v = view.values[c.property];
  const e = view.extremes.get(c.property)?.get(c.windowSeconds);
  if (typeof v !== "number" || !e) return false;
  return (e[0] !== undefined && e[0] - v > c.delta) || (e[1] !== undefined && v - e[1] > c.delta);
}

/** The value of the first sample at or after `from` in a list of a window: its largest (hi) or smallest (lo) since then. */
function firstSince(list: Window["hi"], from: number): number | undefined {
  for (const [t, v] of list) if (t >= from) return v;
  return undefined;
}
