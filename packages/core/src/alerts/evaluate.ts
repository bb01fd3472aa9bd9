import { eventLevels, type EventLevel } from "../thing-model/schema";
import type { ClearCondition, Condition, TelemetryTrigger, Trigger } from "./rule-schema";

type Scalar = number | string | boolean;

/** A recent numeric value, kept for "changed by more than X within a window". */
export type Sample = [ts: number, value: number];

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
  /** Recent samples of properties read by change conditions, oldest first. */
  windows: Record<string, Sample[]>;
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
  for (const t of parts) for (const c of t?.conditions ?? []) if (c.kind === "change" && c.property === property) w = Math.max(w, c.windowSeconds);
  return w;
}

function compare(op: string, a: Scalar, b: Scalar): boolean {
  if (op === "==") return a === b;
  if (op === "!=") return a !== b;
  if (typeof a !== "number" || typeof b !== "number") return false;
  switch (op) {
    case ">": return a > b;
    case ">=": return a >= b;
    case "<": return a < b;
    case "<=": return a <= b;
    default: return false;
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
  return (s.windows[c.property] ?? []).some(([t, old]) => t >= from && t <= ts && Math.abs(v - old) > c.delta);
}

export function groupHolds(t: TelemetryTrigger, s: Pick<PairState, "latest" | "windows">, ts: number): boolean {
  return t.combine === "all" ? t.conditions.every((c) => conditionHolds(c, s, ts)) : t.conditions.some((c) => conditionHolds(c, s, ts));
}

/**
 * Applies one telemetry point to a (rule, device) state: no I/O, the same input gives the same output.
 * The trigger must hold for `forSeconds` (measured between point timestamps) to raise; while active,
 * a holding trigger is a repeat; a clear condition that holds for its own duration clears.
 */
export function evaluatePoint(
  rule: { trigger: TelemetryTrigger; clear?: ClearCondition | undefined },
  state: PairState,
  point: Point,
): { state: PairState; effect: Effect | null } {
  if (point.ts < state.lastTs) return { state, effect: null };
  const clear = rule.clear?.type === "telemetry" ? rule.clear : undefined;
  const read = referencedProperties(rule.trigger, clear);
  const touched = Object.keys(point.values).filter((k) => read.has(k));
  if (touched.length === 0) return { state, effect: null };

  const s: PairState = { ...state, lastTs: point.ts, latest: { ...state.latest }, windows: { ...state.windows } };
  for (const k of touched) {
    const value = point.values[k]!;
    const w = windowSeconds([rule.trigger, clear], k);
    // Compare with the window first, then add the new value to it.
    s.latest[k] = value;
    if (w > 0 && typeof value === "number") {
      const from = point.ts - w * 1000;
      const kept = (s.windows[k] ?? []).filter(([t]) => t >= from);
      s.windows[k] = kept;
    }
  }
  const holds = groupHolds(rule.trigger, s, point.ts);
  for (const k of touched) {
    const value = point.values[k];
    if (s.windows[k] && typeof value === "number") s.windows[k] = [...s.windows[k]!, [point.ts, value] as Sample].slice(-maxWindowSamples);
  }
  const values = Object.fromEntries([...read].filter((k) => s.latest[k] !== undefined).map((k) => [k, s.latest[k]!]));

  if (s.active) {
    if (clear && groupHolds(clear, s, point.ts)) {
      s.clearSince ??= point.ts;
      if (point.ts - s.clearSince >= clear.forSeconds * 1000) {
        return { state: { ...s, active: false, since: null, clearSince: null }, effect: { kind: "clear", ts: point.ts, values } };
      }
    } else {
      s.clearSince = null;
    }
    return { state: s, effect: holds ? { kind: "repeat", ts: point.ts, values } : null };
  }
  if (!holds) return { state: { ...s, since: null }, effect: null };
  s.since ??= point.ts;
  if (point.ts - s.since >= rule.trigger.forSeconds * 1000) {
    return { state: { ...s, active: true, clearSince: null }, effect: { kind: "raise", ts: point.ts, values } };
  }
  return { state: s, effect: null };
}

/** Applies points in order; returns the final state and every effect. */
export function evaluatePoints(
  rule: { trigger: TelemetryTrigger; clear?: ClearCondition | undefined },
  state: PairState,
  points: Point[],
): { state: PairState; effects: Effect[] } {
  const effects: Effect[] = [];
  let s = state;
  for (const p of points) {
    const r = evaluatePoint(rule, s, p);
    s = r.state;
    if (r.effect) effects.push(r.effect);
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
export function offlineDue(t: Extract<Trigger, { type: "offline" }>, d: { online: boolean; lastSeenAt: number | null; createdAt: number }, now: number): boolean {
  return !d.online && now - (d.lastSeenAt ?? d.createdAt) > t.forMinutes * 60_000;
}

/** Whether a rule's device filter (ids and labels) selects a device. */
export function targetsDevice(r: { deviceIds: readonly string[]; labels: Readonly<Record<string, string>> }, d: { id: string; labels: Record<string, string> }): boolean {
  if (r.deviceIds.length > 0 && !r.deviceIds.includes(d.id)) return false;
  return Object.entries(r.labels).every(([k, v]) => d.labels[k] === v);
}
