import { alertStateKey, alertWindowsKey, type DeviceWindows, type Effect, type PairState } from "@aspen/core";
import type { Redis } from "ioredis";

/** What is stored per (rule, device): the evaluator's state plus the idempotency bookkeeping. */
export interface StoredState extends PairState {
  /** The last stream entry applied to this pair. */
  lastEntry: string;
  /** The effects that entry produced: re-applied (idempotently) when the entry is processed again. */
  pending: Effect[];
}

/** Keeps a state a week after its last write (a device silent longer starts afresh). */
const stateTtlMs = 7 * 24 * 3600_000;

// Compare-and-set on the whole value: several workers may evaluate the same pair.
const casScript = `
local cur = redis.call('GET', KEYS[1])
if (cur == false and ARGV[1] == '') or cur == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  return 1
end
return 0`;

export function parseState(raw: string | null): StoredState | null {
  if (!raw) return null;
  try {
    const s = JSON.parse(raw) as StoredState;
    // Windows of another shape (an older version) are dropped: they refill within the window.
    const windows = Object.fromEntries(Object.entries(s.windows ?? {}).filter(([, w]) => Array.isArray(w?.hi) && Array.isArray(w?.lo)));
    return { ...s, windows, lastTs: s.lastTs ?? -Infinity };
  } catch {
    return null;
  }
}

export function parseWindows(raw: string | null): DeviceWindows | null {
  if (!raw) return null;
  try {
    const w = JSON.parse(raw) as DeviceWindows;
    return w.v === 1 && typeof w.lastEntry === "string" && w.windows ? w : null;
  } catch {
    return null;
  }
}

/** Compares two runs of decimal digits without leading zeros: longer is larger, else the first differing digit. */
function compareDigits(a: string, aFrom: number, aTo: number, b: string, bFrom: number, bTo: number): number {
  const d = aTo - aFrom - (bTo - bFrom);
  if (d !== 0) return d < 0 ? -1 : 1;
  for (let i = 0; i < aTo - aFrom; i++) {
    const x = a.charCodeAt(aFrom + i) - b.charCodeAt(bFrom + i);
    if (x !== 0) return x < 0 ? -1 : 1;
  }
  return 0;
}

/** Orders stream ids (`<ms>-<seq>`, a missing seq counting as 0) without allocating: this runs per pair and read. */
export function compareStreamIds(a: string, b: string): number {
  const ad = a.indexOf("-");
  const bd = b.indexOf("-");
  const aMs = ad < 0 ? a.length : ad;
  const bMs = bd < 0 ? b.length : bd;
  const ms = compareDigits(a, 0, aMs, b, 0, bMs);
  if (ms !== 0) return ms;
  const aSeq = ad < 0 ? "0" : a;
  const bSeq = bd < 0 ? "0" : b;
  return compareDigits(aSeq, ad < 0 ? 0 : ad + 1, ad < 0 ? 1 : a.length, bSeq, bd < 0 ? 0 : bd + 1, bd < 0 ? 1 : b.length);
}

/** The compare-and-set as a defined command: sent by its SHA (EVALSHA), not as script text per call. */
interface CasCommand {
  aspenCas(key: string, expected: string, next: string, ttlMs: string): unknown;
}

export function createStateStore(redis: Redis, prefix: string) {
  if (!("aspenCas" in redis)) redis.defineCommand("aspenCas", { numberOfKeys: 1, lua: casScript });
  return {
    key: (ruleId: string, deviceId: string) => alertStateKey(prefix, ruleId, deviceId),
    windowsKey: (deviceId: string) => alertWindowsKey(prefix, deviceId),
    /** Raw values for keys (pipelined), to compare-and-set against. */
    async load(keys: string[]): Promise<(string | null)[]> {
      if (keys.length === 0) return [];
      return redis.mget(...keys);
    },
    /** Writes each new value if the key still holds `expected`; returns which succeeded. */
    async casMany(items: { key: string; expected: string | null; next: StoredState | DeviceWindows }[]): Promise<boolean[]> {
      if (items.length === 0) return [];
      const p = redis.pipeline() as ReturnType<Redis["pipeline"]> & CasCommand;
      for (const it of items) p.aspenCas(it.key, it.expected ?? "", JSON.stringify(it.next), String(stateTtlMs));
      const res = (await p.exec()) ?? [];
      return res.map(([err, v]) => !err && v === 1);
    },
  };
}
export type StateStore = ReturnType<typeof createStateStore>;
