import { eventLevels, type EventLevel } from "../thing-model/schema";
import type { ClearCondition, Condition, TelemetryTrigger, Trigger } from "./rule-schema";

type Scalar = number | string | boolean;

/** A recent numeric value, kept for "changed by more than X within a window". */
export type Sample = [ts: number, value: number];

/**
 * The samples of a window that can still be its maximum (`hi`, values falling) or minimum (`lo`, values
 * rising), oldest first: the extreme of any suffix of the window is the first of them inside it. This
 * keeps a few samples instead of every one (monotonic deques).
 */
export interface Window {
  hi: Sample[];
  lo: Sample[];
}

/** Adds a sample to a window (dropping those it outdoes), keeping at most `maxWindowSamples` in each list. */
export function pushSample(w: Window, sample: Sample): Window {
  const copy = { hi: w.hi.slice(), lo: w.lo.slice() };
  pushInPlace(copy, sample);
  return copy;
}

/** Adds a sample to a window in place (samples must come oldest first). */
export function pushInPlace(w: Window, sample: Sample): void {
  const { hi, lo } = w;
  while (hi.length && hi[hi.length - 1]![1] <= sample[1]) hi.pop();
  while (lo.length && lo[lo.length - 1]![1] >= sample[1]) lo.pop();
  hi.push(sample);
  lo.push(sample);
  if (hi.length > maxWindowSamples) hi.shift();
  if (lo.length > maxWindowSamples) lo.shift();
}

/** A window built from samples, oldest first. */
export function windowOf(samples: Sample[]): Window {
  return samples.reduce<Window>((w, x) => pushSample(w, x), { hi: [], lo: [] });
}

/**
 * What the evaluator remembers per (rule, device) between points. Stored as JSON in Redis by the
 * worker; `lastEntry` and `pending` are the worker's bookkeeping for idempotency.
 */
export interface PairState {
  v: 1;
  /** The rule version the state was built for; a new version resets the timers, not `active`. */
  ruleVersion: number;
  active: boolean;
  /** Since when the trigger has held (ms), for "for at least N seconds". */
  since: number | null;
  /** Since when the clear condition has held (ms). */
  clearSince: number | null;
  /** Newest point applied: older points (out of order) are ignored. */
  lastTs: number;
  /** Last known value of each property the rule reads. */
  latest: Record<string, Scalar>;
  /** Recent extremes of properties read by change conditions. */
  windows: Record<string, Window>;
}

/** What a point changed about the alarm. */
export type Effect =
  | { kind: "raise"; ts: number; values: Record<string, Scalar> }
  | { kind: "repeat"; ts: number; values: Record<string, Scalar> }
  | { kind: "clear"; ts: number; values: Record<string, Scalar> };

export interface Point {
  ts: number;
  values: Record<string, Scalar>;
}

/** At most this many samples per property are kept for a window (the oldest go first). */
export const maxWindowSamples = 256;

export function initialState(ruleVersion: number): PairState {
  return { v: 1, ruleVersion, active: false, since: null, clearSince: null, lastTs: -Infinity, latest: {}, windows: {} };
}

/** Properties a telemetry trigger or clear condition reads. */
export function referencedProperties(...parts: (Trigger | ClearCondition | undefined)[]): Set<string> {
  const out = new Set<string>();
  for (const t of parts) if (t?.type === "telemetry") for (const c of t.conditions) out.add(c.property);
  return out;
}

function windowSeconds(parts: (TelemetryTrigger | undefined)[], property: string): number {
  let w = 0;
  for (const t of parts)
    for (const c of t?.conditions ?? []) if (c.kind === "change" && c.property === property) w = Math.max(w, c.windowSeconds);
  return w;
}

function compare(op: string, a: Scalar, b: Scalar): boolean {
  if (op === "==") return a === b;
  if (op === "!=") return a !== b;
  if (typeof a !== "number" || typeof b !== "number") return false;
  switch (op) {
    case ">":
      return a > b;
    case ">=":
      return a >= b;
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    default:
      return false;
  }
}

/** Whether one condition holds at `ts` given the latest values and windows; an unknown value never holds. */
export function conditionHolds(c: Condition, s: Pick<PairState, "latest" | "windows">, ts: number): boolean {
  const v = s.latest[c.property];
  if (v === undefined) return false;
  if (c.kind === "compare") return compare(c.op, v, c.value);
  if (typeof v !== "number") return false;
  if (c.kind === "range") return c.op === "between" ? v >= c.min && v <= c.max : v < c.min || v > c.max;
  const from = ts - c.windowSeconds * 1000;
  const w = s.windows[c.property];
  if (!w) return false;
  const max = w.hi.find(([t]) => t >= from && t <= ts);
  const min = w.lo.find(([t]) => t >= from && t <= ts);
  return (max !== undefined && max[1] - v > c.delta) || (min !== undefined && v - min[1] > c.delta);
}

export function groupHolds(t: TelemetryTrigger, s: Pick<PairState, "latest" | "windows">, ts: number): boolean {
  return t.combine === "all" ? t.conditions.every((c) => conditionHolds(c, s, ts)) : t.conditions.some((c) => conditionHolds(c, s, ts));
}

type TelemetryRule = { trigger: TelemetryTrigger; clear?: ClearCondition | undefined };

/** What a rule reads, computed once per rule object (rules are evaluated for many points). */
interface RuleShape {
  clear: TelemetryTrigger | undefined;
  read: string[];
  windowOf: Map<string, number>;
}
const shapes = new WeakMap<object, RuleShape>();
function shapeOf(rule: TelemetryRule): RuleShape {
  let sh = shapes.get(rule.trigger);
  if (!sh || sh.clear !== (rule.clear?.type === "telemetry" ? rule.clear : undefined)) {
    const clear = rule.clear?.type === "telemetry" ? rule.clear : undefined;
    const read = [...referencedProperties(rule.trigger, clear)];
    sh = {
      clear,
      read,
      windowOf: new Map(read.map((k) => [k, windowSeconds([rule.trigger, clear], k)] as const).filter(([, w]) => w > 0)),
    };
    shapes.set(rule.trigger, sh);
  }
  return sh;
}

/** The latest values of the properties a rule reads, for an effect. */
function valuesOf(sh: RuleShape, s: PairState): Record<string, Scalar> {
  const out: Record<string, Scalar> = {};
  for (const k of sh.read) if (s.latest[k] !== undefined) out[k] = s.latest[k];
  return out;
}

/** Moves a private copy of a state by one point; returns the effect. */
function step(rule: TelemetryRule, sh: RuleShape, s: PairState, point: Point): Effect | null {
  if (point.ts < s.lastTs) return null;
  let touched = false;
  for (const k of sh.read) if (point.values[k] !== undefined) touched = true;
  if (!touched) return null;
  s.lastTs = point.ts;
  for (const k of sh.read) {
    const value = point.values[k];
    if (value === undefined) continue;
    // Compare with the window first, then add the new value to it.
    s.latest[k] = value;
    const w = sh.windowOf.get(k);
    if (w !== undefined && typeof value === "number") {
      const from = point.ts - w * 1000;
      const win = s.windows[k] ?? { hi: [], lo: [] };
      while (win.hi.length && win.hi[0]![0] < from) win.hi.shift();
      while (win.lo.length && win.lo[0]![0] < from) win.lo.shift();
      s.windows[k] = win;
    }
  }
  const holds = groupHolds(rule.trigger, s, point.ts);
  for (const [k] of sh.windowOf) {
    const value = point.values[k];
    if (typeof value === "number") pushInPlace(s.windows[k]!, [point.ts, value]);
  }
  const clear = sh.clear;
  if (s.active) {
    if (clear && groupHolds(clear, s, point.ts)) {
      s.clearSince ??= point.ts;
      if (point.ts - s.clearSince >= clear.forSeconds * 1000) {
        s.active = false;
        s.since = null;
        s.clearSince = null;
        return { kind: "clear", ts: point.ts, values: valuesOf(sh, s) };
      }
    } else {
      s.clearSince = null;
    }
    return holds ? { kind: "repeat", ts: point.ts, values: valuesOf(sh, s) } : null;
  }
  if (!holds) {
    s.since = null;
    return null;
  }
  s.since ??= point.ts;
  if (point.ts - s.since >= rule.trigger.forSeconds * 1000) {
    s.active = true;
    s.clearSince = null;
    return { kind: "raise", ts: point.ts, values: valuesOf(sh, s) };
  }
  return null;
}

/** A copy of a state that `step` may change (windows' lists copied too). */
/** A private copy of a state for a rule: only the windows the rule moves are copied, the others are shared (read only). */
function copyOf(state: PairState, sh: RuleShape): PairState {
  const windows = { ...state.windows };
  for (const [k] of sh.windowOf) {
    const w = windows[k];
    if (w) windows[k] = { hi: w.hi.slice(), lo: w.lo.slice() };
  }
  return { ...state, latest: { ...state.latest }, windows };
}

/** A copy of windows that may be changed (their lists copied too). */
export function copyWindows(w: Record<string, Window>): Record<string, Window> {
  const out: Record<string, Window> = {};
  for (const [k, x] of Object.entries(w)) out[k] = { hi: x.hi.slice(), lo: x.lo.slice() };
  return out;
}

/**
 * Applies one telemetry point to a (rule, device) state: no I/O, the same input gives the same output
 * (the input state is not changed). The trigger must hold for `forSeconds` (measured between point
 * timestamps) to raise; while active, a holding trigger is a repeat; a clear condition that holds for
 * its own duration clears.
 */
export function evaluatePoint(rule: TelemetryRule, state: PairState, point: Point): { state: PairState; effect: Effect | null } {
  const r = evaluatePoints(rule, state, [point]);
  return { state: r.state, effect: r.effects[0] ?? null };
}

/** Applies points in order; returns the final state and every effect. The input state is not changed. */
export function evaluatePoints(rule: TelemetryRule, state: PairState, points: Point[]): { state: PairState; effects: Effect[] } {
  const sh = shapeOf(rule);
  const effects: Effect[] = [];
  // Unchanged state when no point concerns the rule: no copy at all.
  if (!points.some((p) => p.ts >= state.lastTs && sh.read.some((k) => p.values[k] !== undefined))) return { state, effects };
  const s = copyOf(state, sh);
  for (const p of points) {
    const e = step(rule, sh, s, p);
    if (e) effects.push(e);
  }
  return { state: s, effects };
}

/** The state to evaluate a rule version with: timers and windows restart when the rule changed, `active` stays. */
export function stateFor(ruleVersion: number, state: PairState | null | undefined): PairState {
  if (!state) return initialState(ruleVersion);
  if (state.ruleVersion === ruleVersion) return state;
  return { ...initialState(ruleVersion), active: state.active };
}

/** info < warning < fault. */
export function levelRank(level: EventLevel): number {
  return eventLevels.indexOf(level);
}

/** Whether an event trigger matches a device event: the named event, and a level at or above the given one. */
export function eventMatches(t: Extract<Trigger, { type: "event" }>, e: { event: string; level?: EventLevel | undefined }): boolean {
  if (t.event !== undefined && t.event !== e.event) return false;
  if (t.level !== undefined && levelRank(e.level ?? "info") < levelRank(t.level)) return false;
  return true;
}

/** Whether an offline trigger is due: offline, and last seen (or created) more than `forMinutes` ago. */
export function offlineDue(
  t: Extract<Trigger, { type: "offline" }>,
  d: { online: boolean; lastSeenAt: number | null; createdAt: number },
  now: number,
): boolean {
  return !d.online && now - (d.lastSeenAt ?? d.createdAt) > t.forMinutes * 60_000;
}

/** Whether a rule's device filter (ids and labels) selects a device. */
export function targetsDevice(
  r: { deviceIds: readonly string[]; labels: Readonly<Record<string, string>> },
  d: { id: string; labels: Record<string, string> },
): boolean {
  if (r.deviceIds.length > 0 && !r.deviceIds.includes(d.id)) return false;
  return Object.entries(r.labels).every(([k, v]) => d.labels[k] === v);
}
