import {
  eventMatches,
  evaluatePoints,
  groupHolds,
  publicId,
  referencedProperties,
  stateFor,
  targetsDevice,
  type Effect,
  type IngestBatch,
  type PairState,
  type Point,
} from "@aspen/core";
import { autoClearAlarm, raiseAlarm, repeatAlarm, withSystem, type AlarmOutcome, type AlertRuleRow, type Database } from "@aspen/db";
import { pointLocal, type IdlePairs } from "./idle-pairs";
import type { RuleCache } from "./rule-cache";
import { compareStreamIds, parseState, type StateStore, type StoredState } from "./state-store";

/** One (rule, device) of an entry and the effects to apply for it. */
export interface PairEffects {
  rule: AlertRuleRow;
  deviceId: string;
  effects: Effect[];
}

/** An alarm change that committed and must be announced (notifications, webhooks). */
export interface Announcement {
  rule: AlertRuleRow;
  outcome: AlarmOutcome & { event: NonNullable<AlarmOutcome["event"]> };
  deviceName: string;
}

/**
 * Whether a state moved only in ways no later entry depends on: no timer started or stopped, no window,
 * and (reading one property) the latest value comes with every point that matters anyway.
 */
function unchanged(a: PairState, b: PairState, properties: number): boolean {
  if (a.active !== b.active || a.since !== b.since || a.clearSince !== b.clearSince) return false;
  if (Object.keys(b.windows).length > 0) return false;
  if (properties === 1) return true;
  const ka = Object.keys(a.latest);
  return ka.length === Object.keys(b.latest).length && ka.every((k) => a.latest[k] === b.latest[k]);
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

/**
 * Evaluates one stream entry against the tenants' rules. Per (rule, device) the state moves forward
 * by compare-and-set in Redis; the effects are stored with it, so a re-processed entry (crash before
 * XACK) re-applies the same effects, which the database dedupes by key. Entries older than a pair's
 * last applied entry are skipped for that pair.
 */
export async function evaluateEntry(
  deps: { cache: RuleCache; store: StateStore; idle?: IdlePairs | undefined },
  entryId: string,
  batch: IngestBatch,
): Promise<{ pairs: PairEffects[]; evaluations: number }> {
  const rulesByProduct = await deps.cache.rulesOf([...batch.telemetry.map((t) => t.productId), ...batch.events.map((e) => e.productId)]);
  const needLabels = new Set<string>();
  for (const t of [...batch.telemetry, ...batch.events]) {
    if ((rulesByProduct.get(t.productId) ?? []).some((r) => Object.keys(r.spec.labels).length > 0)) needLabels.add(t.deviceId);
  }
  const devices = await deps.cache.devices(needLabels);
  const selects = (r: AlertRuleRow, item: { tenantId: string; deviceId: string }) =>
    r.tenantId === item.tenantId && targetsDevice(r.spec, { id: item.deviceId, labels: devices.get(item.deviceId)?.labels ?? {} });

  // Telemetry: points per (rule, device), in commit order.
  const groups = new Map<string, { rule: AlertRuleRow; deviceId: string; points: Point[] }>();
  for (const t of batch.telemetry) {
    for (const r of rulesByProduct.get(t.productId) ?? []) {
      if (r.spec.trigger.type !== "telemetry" || !selects(r, t)) continue;
      const k = `${r.id}/${t.deviceId}`;
      const g = groups.get(k) ?? { rule: r, deviceId: t.deviceId, points: [] };
      g.points.push({ ts: t.ts, values: t.values });
      groups.set(k, g);
    }
  }
  const pairs: PairEffects[] = [];
  const now = Date.now();
  const idle = deps.idle;
  let pending = [...groups.values()]
    .map((g) => ({ ...g, key: deps.store.key(g.rule.id, g.deviceId) }))
    .filter((g) => {
      // An idle pair whose points cannot trigger it: nothing to read or write.
      const t = g.rule.spec.trigger;
      if (!idle?.has(g.key, now) || t.type !== "telemetry" || !pointLocal(g.rule.spec)) return true;
      return g.points.some((p) => groupHolds(t, { latest: p.values, windows: {} }, p.ts));
    });
  for (let round = 0; pending.length > 0 && round < 10; round++) {
    const raw = await deps.store.load(pending.map((p) => p.key));
    const writes: { key: string; expected: string | null; next: StoredState; pair: PairEffects }[] = [];
    pending.forEach((p, i) => {
      const stored = parseState(raw[i] ?? null);
      if (stored && compareStreamIds(stored.lastEntry, entryId) >= 0) {
        // Already applied: re-apply its effects if it is this very entry, else it is an older entry.
        if (stored.lastEntry === entryId) pairs.push({ rule: p.rule, deviceId: p.deviceId, effects: stored.pending });
        idle?.forget(p.key);
        return;
      }
      const spec = p.rule.spec;
      if (spec.trigger.type !== "telemetry") return;
      const before = stateFor(p.rule.version, stored);
      const r = evaluatePoints({ trigger: spec.trigger, clear: spec.clear }, before, p.points);
      idle?.note(p.key, r.state, now);
      // Nothing that a later entry needs changed (the common "not triggered" case): skip the write.
      if (r.effects.length === 0 && unchanged(before, r.state, referencedProperties(spec.trigger, spec.clear).size)) return;
      writes.push({
        key: p.key,
        expected: raw[i] ?? null,
        next: { ...r.state, lastEntry: entryId, pending: r.effects },
        pair: { rule: p.rule, deviceId: p.deviceId, effects: r.effects },
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

  // Events: stateless; one raise per (rule, device) of the entry, repeats counted on the open alarm.
  const eventPairs = new Map<string, PairEffects>();
  for (const e of batch.events) {
    for (const r of rulesByProduct.get(e.productId) ?? []) {
      const t = r.spec.trigger;
      if (t.type !== "event" || !selects(r, e) || !eventMatches(t, e)) continue;
      const k = `${r.id}/${e.deviceId}`;
      const p = eventPairs.get(k) ?? { rule: r, deviceId: e.deviceId, effects: [] };
      p.effects.push({
        kind: p.effects.length === 0 ? "raise" : "repeat",
        ts: e.ts,
        values: { event: e.event, ...(e.level ? { level: e.level } : {}), ...(e.params ?? {}) },
      });
      eventPairs.set(k, p);
    }
  }
  pairs.push(...eventPairs.values());
  return { pairs, evaluations: groups.size + eventPairs.size };
}

/**
 * Writes the effects of an entry in one transaction, each idempotent by a key made of the entry, the
 * rule, the device and the effect's position. Returns the alarm events to announce.
 */
export async function applyEffects(
  db: Database,
  entryId: string,
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
          dedupKey: `${entryId}-${r.id}-${p.deviceId}-${i}`,
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
