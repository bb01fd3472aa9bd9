import { referencedProperties, type AlertRuleSpec, type PairState } from "@aspen/core";

/**
 * (rule, device) pairs this process last saw idle (not active, no timer running): a point that cannot
 * trigger such a pair changes nothing, so it is skipped without a Redis round trip. Entries expire
 * after `ttlMs`, which bounds how long another worker's change to the pair can go unseen.
 */
export function createIdlePairs(ttlMs = 2000, max = 500_000) {
  const until = new Map<string, number>();
  return {
    has(key: string, now: number): boolean {
      const t = until.get(key);
      if (t === undefined) return false;
      if (t < now) {
        until.delete(key);
        return false;
      }
      return true;
    },
    note(key: string, s: PairState, now: number): void {
      if (!s.active && s.since === null && s.clearSince === null) {
        if (until.size >= max) until.clear();
        until.set(key, now + ttlMs);
      } else until.delete(key);
    },
    forget(key: string): void {
      until.delete(key);
    },
  };
}
export type IdlePairs = ReturnType<typeof createIdlePairs>;

const local = new WeakMap<AlertRuleSpec, boolean>();

/**
 * Whether a rule can be judged on one point alone: it reads one property (a change condition reads the device's
 * shared window, which `mayHoldAt` consults).
 */
export function pointLocal(spec: AlertRuleSpec): boolean {
  let v = local.get(spec);
  if (v === undefined) {
    v = referencedProperties(spec.trigger, spec.clear).size === 1;
    local.set(spec, v);
  }
  return v;
}
