import {
  boundsOf,
  emptyBounds,
  eventMatches,
  evaluatePoints,
  mayHoldAt,
  mayHoldWithin,
  publicId,
  stateFor,
  targetsDevice,
  type Effect,
  type IngestBatch,
  type PairState,
  type Point,
  type PointView,
  type ViewBounds,
} from "@aspen/core";
import { autoClearAlarm, raiseAlarm, repeatAlarm, withSystem, type AlarmOutcome, type AlertRuleRow, type Database } from "@aspen/db";
import { createPlanCache, type DevicePlan, type PlanCache } from "./device-plan";
import { prepareWindows, type WindowInput } from "./device-windows";
import type { IdlePairs } from "./idle-pairs";
import type { RuleCache } from "./rule-cache";
import { compareStreamIds, parseState, type StateStore, type StoredState } from "./state-store";

/** One (rule, device) of an entry and the effects to apply for it. */
export interface PairEffects {
  rule: AlertRuleRow;
  deviceId: string;
  effects: Effect[];
  /** The stream entry whose evaluation produced the effects: with the rule and device, their idempotency key. */
  entryId: string;
}

/** An alarm change that committed and must be announced (notifications, webhooks). */
export interface Announcement {
  rule: AlertRuleRow;
  outcome: AlarmOutcome & { event: NonNullable<AlarmOutcome["event"]> };
  deviceName: string;
}

/**
 * Whether a state moved only in ways no later entry depends on: no timer started or stopped. Windows and the latest
 * values of rules reading several properties are the device's, not the rule's.
 */
function unchanged(a: PairState, b: PairState): boolean {
  return a.active === b.active && a.since === b.since && a.clearSince === b.clearSince;
}

/** Merges consecutive repeats into one (the alarm's count goes up by their number). */
function squash(effects: Effect[]): (Effect & { count: number })[] {
  const out: (Effect & { count: number })[] = [];
  for (const e of effects) {
    const last = out[out.length - 1];
    if (e.kind === "repeat" && last?.kind === "repeat") out[out.length - 1] = { ...e, count: last.count + 1 };
    else out.push({ ...e, count: 1 });
  }
  return out;
}

const noRules: AlertRuleRow[] = [];
const noExtremes = new Map<string, never>();
const unknownBounds: ViewBounds = { ...emptyBounds(), unknown: true };
/** The view of a point of a device without shared state: its own values (a point without the property does not move a rule). */
function ownView(p: Point): PointView {
  return { extremes: noExtremes, values: p.values };
}
const labelled = new WeakMap<AlertRuleRow[], boolean>();
/** Whether any of a product's rules filters by labels (then its devices' labels are needed). */
function anyLabels(rules: AlertRuleRow[] | undefined): boolean {
  if (!rules) return false;
  let v = labelled.get(rules);
  if (v === undefined) labelled.set(rules, (v = rules.some((r) => Object.keys(r.spec.labels).length > 0)));
  return v;
}
const planCaches = new WeakMap<StateStore, PlanCache>();
function plansFor(store: StateStore): PlanCache {
  let c = planCaches.get(store);
  if (!c) planCaches.set(store, (c = createPlanCache(store.key)));
  return c;
}

/** One parsed stream entry. */
export interface ParsedEntry {
  id: string;
  batch: IngestBatch;
}

/**
 * Evaluates one stream entry against the tenants' rules (see `evaluateEntries`).
 */
export function evaluateEntry(
  deps: { cache: RuleCache; store: StateStore; idle?: IdlePairs | undefined },
  entryId: string,
  batch: IngestBatch,
): Promise<{ pairs: PairEffects[]; evaluations: number }> {
  return evaluateEntries(deps, [{ id: entryId, batch }]);
}

/**
 * Evaluates the entries of one stream read, in order, against the tenants' rules: per (rule, device) one state load
 * and at most one write for all of them, so a worker that lags behind catches up instead of falling further back.
 * The state moves forward by compare-and-set in Redis and remembers the last entry it applied and that entry's
 * effects. Points of entries up to that last entry are skipped for the pair (however the entries are read again
 * after a crash); when the read holds that very entry, its stored effects are applied again, which the database
 * dedupes by key.
 */
export async function evaluateEntries(
  deps: { cache: RuleCache; store: StateStore; idle?: IdlePairs | undefined },
  entries: ParsedEntry[],
): Promise<{ pairs: PairEffects[]; evaluations: number }> {
  const last = entries[entries.length - 1];
  if (!last) return { pairs: [], evaluations: 0 };
  const items = entries.flatMap((e) => [...e.batch.telemetry, ...e.batch.events]);
  const rulesByProduct = await deps.cache.rulesOf(items.map((t) => t.productId));
  const needLabels = new Set<string>();
  for (const t of items) if (anyLabels(rulesByProduct.get(t.productId))) needLabels.add(t.deviceId);
  const devices = await deps.cache.devices(needLabels);
  const selects = (r: AlertRuleRow, item: { tenantId: string; deviceId: string }) =>
    r.tenantId === item.tenantId && targetsDevice(r.spec, { id: item.deviceId, labels: devices.get(item.deviceId)?.labels ?? {} });

  // Telemetry: per device the rules that select it (a plan kept while the rules and labels are the same) and its
  // points in commit order, each with the index of its entry.
  const planOf = plansFor(deps.store);
  const perDevice = new Map<string, { plan: DevicePlan; points: (Point & { entry: number })[] }>();
  entries.forEach((e, entry) => {
    for (const t of e.batch.telemetry) {
      let mine = perDevice.get(t.deviceId);
      if (!mine) {
        const plan = planOf(rulesByProduct.get(t.productId) ?? noRules, t, devices.get(t.deviceId));
        perDevice.set(t.deviceId, (mine = { plan, points: [] }));
      }
      mine.points.push({ ts: t.ts, values: t.values, entry });
    }
  });
  type Group = { rule: AlertRuleRow; deviceId: string; key: string; points: (Point & { entry: number })[] };
  // Change windows: one per device and property, shared by its rules (see device-windows.ts).
  const windowInputs = new Map<string, WindowInput>();
  for (const [deviceId, { plan, points }] of perDevice)
    if ((plan.needs.windows.size > 0 || plan.needs.latest.size > 0) && plan.pairs.length > 0)
      windowInputs.set(deviceId, { needs: plan.needs, points });
  const windows = await prepareWindows(
    deps.store,
    entries.map((e) => e.id),
    windowInputs,
  );
  const pairs: PairEffects[] = [];
  const now = Date.now();
  const idle = deps.idle;
  const indexOf = new Map(entries.map((e, i) => [e.id, i]));
  // The index of the last entry of this read at or before a stored last entry (-1: none).
  const appliedUpTo = new Map<string, number>();
  const appliedIndex = (lastEntry: string) => {
    let i = appliedUpTo.get(lastEntry);
    if (i === undefined) {
      i = entries.findLastIndex((e) => compareStreamIds(e.id, lastEntry) <= 0);
      appliedUpTo.set(lastEntry, i);
    }
    return i;
  };
  // An idle pair whose points cannot trigger it: nothing to read or write.
  let pending: Group[] = [];
  let telemetryEvaluations = 0;
  for (const [deviceId, { plan, points }] of perDevice) {
    telemetryEvaluations += plan.pairs.length;
    // A device with shared state has a view per point (none for points it already holds: they may hold); a device
    // without one has only rules reading one property, judged exactly on the point itself.
    const shared = windowInputs.has(deviceId);
    // Idle pairs are ruled out on the bounds of the device's points first (one check per rule, not per point), then
    // point by point.
    let bounds: ViewBounds | undefined;
    for (const pp of plan.pairs) {
      if (idle?.has(pp.key, now)) {
        bounds ??= shared ? (windows.bounds.get(deviceId) ?? unknownBounds) : boundsOf(points, ownView);
        if (!mayHoldWithin(pp.trigger, bounds)) continue;
        // Built once per device and read (viewsOf keeps them).
        const viewOf = shared ? windows.viewsOf(deviceId) : ownView;
        if (!points.some((p) => mayHoldAt(pp.trigger, p, viewOf(p)))) continue;
      }
      pending.push({ rule: pp.rule, deviceId, key: pp.key, points });
    }
  }
  for (let round = 0; pending.length > 0 && round < 10; round++) {
    const raw = await deps.store.load(pending.map((p) => p.key));
    const writes: { key: string; expected: string | null; next: StoredState; pair: PairEffects }[] = [];
    pending.forEach((p, i) => {
      const stored = parseState(raw[i] ?? null);
      let points = p.points;
      if (stored) {
        // The stored entry's own effects, if this read holds it again (a crash before XACK).
        if (indexOf.has(stored.lastEntry) && stored.pending.length > 0)
          pairs.push({ rule: p.rule, deviceId: p.deviceId, effects: stored.pending, entryId: stored.lastEntry });
        if (compareStreamIds(stored.lastEntry, last.id) >= 0) {
          idle?.forget(p.key);
          return;
        }
        const applied = appliedIndex(stored.lastEntry);
        if (applied >= 0) points = points.filter((pt) => pt.entry > applied);
      }
      const spec = p.rule.spec;
      if (spec.trigger.type !== "telemetry" || points.length === 0) return;
      const shared = windows.start.get(p.deviceId);
      const own = stateFor(p.rule.version, stored);
      const before = shared ? { ...own, windows: shared.windows, latest: { ...own.latest, ...shared.latest } } : own;
      const r = evaluatePoints({ trigger: spec.trigger, clear: spec.clear }, before, points);
      idle?.note(p.key, r.state, now);
      // Nothing that a later entry needs changed (the common "not triggered" case): skip the write.
      if (r.effects.length === 0 && unchanged(before, r.state)) return;
      writes.push({
        key: p.key,
        expected: raw[i] ?? null,
        next: { ...r.state, windows: {}, latest: shared ? {} : r.state.latest, lastEntry: last.id, pending: r.effects },
        pair: { rule: p.rule, deviceId: p.deviceId, effects: r.effects, entryId: last.id },
      });
    });
    const ok = await deps.store.casMany(writes);
    const retry = new Set<string>();
    writes.forEach((w, i) => {
      if (ok[i]) pairs.push(w.pair);
      else {
        retry.add(w.key);
        idle?.forget(w.key);
      }
    });
    pending = pending.filter((p) => retry.has(p.key));
  }
  await windows.save();

  // Events: stateless; per entry one raise per (rule, device), repeats counted on the open alarm.
  let eventEvaluations = 0;
  for (const e of entries) {
    const eventPairs = new Map<string, PairEffects>();
    for (const ev of e.batch.events) {
      for (const r of rulesByProduct.get(ev.productId) ?? []) {
        const t = r.spec.trigger;
        if (t.type !== "event" || !selects(r, ev) || !eventMatches(t, ev)) continue;
        const k = `${r.id}/${ev.deviceId}`;
        const p = eventPairs.get(k) ?? { rule: r, deviceId: ev.deviceId, effects: [], entryId: e.id };
        p.effects.push({
          kind: p.effects.length === 0 ? "raise" : "repeat",
          ts: ev.ts,
          values: { event: ev.event, ...(ev.level ? { level: ev.level } : {}), ...(ev.params ?? {}) },
        });
        eventPairs.set(k, p);
      }
    }
    pairs.push(...eventPairs.values());
    eventEvaluations += eventPairs.size;
  }
  return { pairs, evaluations: telemetryEvaluations + eventEvaluations };
}

/**
 * Writes the effects of a read in one transaction, each idempotent by a key made of the entry that produced it,
 * the rule, the device and the effect's position. Returns the alarm events to announce.
 */
export async function applyEffects(
  db: Database,
  pairs: PairEffects[],
  deviceNames: Map<string, string>,
): Promise<{ announcements: Announcement[]; changes: Record<string, number> }> {
  const changes: Record<string, number> = { raised: 0, repeated: 0, cleared: 0 };
  if (pairs.every((p) => p.effects.length === 0)) return { announcements: [], changes };
  const announcements: Announcement[] = [];
  await withSystem(db, async (tx) => {
    for (const p of pairs) {
      const r = p.rule;
      for (const [i, e] of squash(p.effects).entries()) {
        const base = {
          tenantId: r.tenantId,
          ruleId: r.id,
          deviceId: p.deviceId,
          at: new Date(e.ts),
          values: e.values,
          dedupKey: `${p.entryId}-${r.id}-${p.deviceId}-${i}`,
        };
        if (e.kind === "raise") {
          const o = await raiseAlarm(tx, { ...base, productId: r.productId, severity: r.severity, title: r.name });
          if (o.event) {
            announcements.push({
              rule: r,
              outcome: { ...o, event: o.event },
              deviceName: deviceNames.get(p.deviceId) ?? publicId("dev", p.deviceId),
            });
            changes.raised!++;
          } else changes.repeated!++;
        } else if (e.kind === "repeat") {
          if (await repeatAlarm(tx, { ...base, count: e.count })) changes.repeated!++;
        } else {
          const o = await autoClearAlarm(tx, base);
          if (o?.event) {
            announcements.push({
              rule: r,
              outcome: { ...o, event: o.event },
              deviceName: deviceNames.get(p.deviceId) ?? publicId("dev", p.deviceId),
            });
            changes.cleared!++;
          }
        }
      }
    }
  });
  return { announcements, changes };
}
