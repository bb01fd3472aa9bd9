import type { PairState } from "@aspen/core";

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
