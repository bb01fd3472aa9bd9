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

/** Orders stream ids (`<ms>-<seq>`). */
export function compareStreamIds(a: string, b: string): number {
  const [am, as = "0"] = a.split("-");
  const [bm, bs = "0"] = b.split("-");
  const d = BigInt(am!) - BigInt(bm!);
  if (d !== 0n) return d < 0n ? -1 : 1;
  const e = BigInt(as) - BigInt(bs);
  return e === 0n ? 0 : e < 0n ? -1 : 1;
}

export function createStateStore(redis: Redis, prefix: string) {
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
      const p = redis.pipeline();
      for (const it of items) p.eval(casScript, 1, it.key, it.expected ?? "", JSON.stringify(it.next), String(stateTtlMs));
      const res = (await p.exec()) ?? [];
      return res.map(([err, v]) => !err && v === 1);
    },
  };
}
export type StateStore = ReturnType<typeof createStateStore>;
