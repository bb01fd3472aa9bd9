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

// Compare-and-set, for many keys in one call (several workers may evaluate the same pair or device). Per key: a mode
// ("=" the whole value, "^" its prefix), the expected value or prefix ("" for none stored) and the new value.
// One script call runs its keys in one go (a single Redis node, not a cluster: the keys share no slot).
const casAllScript = `
local ttl = ARGV[1]
local out = {}
for i, k in ipairs(KEYS) do
  local mode, e, nxt = ARGV[3 * i - 1], ARGV[3 * i], ARGV[3 * i + 1]
  local cur = redis.call('GET', k)
  local ok
  if e == '' then ok = (cur == false)
  elseif cur == false then ok = false
  elseif mode == '^' then ok = (string.sub(cur, 1, #e) == e)
  else ok = (cur == e) end
  if ok then
    redis.call('SET', k, nxt, 'PX', ttl)
    out[i] = 1
  else
    out[i] = 0
  end
end
return out`;

// The first ARGV[1] + 1 characters of each key's value ("" for none).
const prefixesScript = `
local out = {}
for i, k in ipairs(KEYS) do out[i] = redis.call('GETRANGE', k, 0, ARGV[1]) end
return out`;

/** Keys per script call: bounds how long one call holds Redis. */
const keysPerCall = 500;

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

// A device's shared windows are stored as `<revision>|<json>` and compared by revision, so a write does not send
// the value it replaces (a value without one, of an older version, is compared whole).
/** Length of a windows value's revision prefix, `|` included. */
export const revisionLength = 17;
const revisionBase = Math.random().toString(36).slice(2, 10).padEnd(8, "0");
let revisionSeq = 0;
/** A revision unique across processes: 8 random characters of this process and a counter. */
export function nextRevision(): string {
  revisionSeq = (revisionSeq + 1) % 36 ** 8;
  return `${revisionBase}${revisionSeq.toString(36).padStart(8, "0")}|`;
}

/** What to compare a stored windows value by: its revision prefix, or the whole value when it has none. */
export function revisionOf(raw: string | null): string {
  if (raw === null) return "";
  return raw.charCodeAt(revisionLength - 1) === 124 /* | */ && raw.charCodeAt(0) !== 123 /* { */ ? raw.slice(0, revisionLength) : raw;
}

export function parseWindows(raw: string | null): DeviceWindows | null {
  if (!raw) return null;
  try {
    const w = JSON.parse(raw.charCodeAt(0) === 123 ? raw : raw.slice(revisionLength)) as DeviceWindows;
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

/** The scripts as defined commands: sent by their SHA (EVALSHA), not as script text per call. */
interface StoreCommands {
  aspenCasAll(numKeys: number, ...args: string[]): Promise<number[]>;
  aspenPrefixes(numKeys: number, ...args: string[]): Promise<string[]>;
}

async function inChunks<T, R>(items: T[], run: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += keysPerCall) out.push(...(await run(items.slice(i, i + keysPerCall))));
  return out;
}

export function createStateStore(redis: Redis, prefix: string) {
  if (!("aspenCasAll" in redis)) {
    redis.defineCommand("aspenCasAll", { lua: casAllScript });
    redis.defineCommand("aspenPrefixes", { lua: prefixesScript });
  }
  const r = redis as Redis & StoreCommands;
  const casAll = (items: { key: string; mode: "=" | "^"; expected: string; next: string }[]) =>
    inChunks(items, async (chunk) => {
      const args = [String(stateTtlMs)];
      for (const it of chunk) args.push(it.mode, it.expected, it.next);
      const res = await r.aspenCasAll(chunk.length, ...chunk.map((it) => it.key), ...args);
      return res.map((v) => v === 1);
    });
  return {
    key: (ruleId: string, deviceId: string) => alertStateKey(prefix, ruleId, deviceId),
    windowsKey: (deviceId: string) => alertWindowsKey(prefix, deviceId),
    /** Raw values for keys (one MGET), to compare-and-set against. */
    async load(keys: string[]): Promise<(string | null)[]> {
      if (keys.length === 0) return [];
      return redis.mget(...keys);
    },
    /** Writes each new value if the key still holds `expected`; returns which succeeded. */
    async casMany(items: { key: string; expected: string | null; next: StoredState }[]): Promise<boolean[]> {
      if (items.length === 0) return [];
      return casAll(items.map((it) => ({ key: it.key, mode: "=", expected: it.expected ?? "", next: JSON.stringify(it.next) })));
    },
    /** The first `length` characters of each key's value ("" when there is none), in one call per chunk. */
    async loadPrefixes(keys: string[], length: number): Promise<string[]> {
      if (keys.length === 0) return [];
      return inChunks(keys, (chunk) => r.aspenPrefixes(chunk.length, ...chunk, String(length - 1)));
    },
    /**
     * Writes `<revision>|<json>` for each item if its key's value still starts with `expected` (a revision from
     * `revisionOf`; "" for none stored); returns which succeeded.
     */
    async casRevised(items: { key: string; expected: string; revision: string; next: DeviceWindows }[]): Promise<boolean[]> {
      if (items.length === 0) return [];
      return casAll(
        items.map((it) => ({
          key: it.key,
          mode: it.expected.length === revisionLength && it.expected.endsWith("|") ? "^" : "=",
          expected: it.expected,
          next: it.revision + JSON.stringify(it.next),
        })),
      );
    },
  };
}
export type StateStore = ReturnType<typeof createStateStore>;
