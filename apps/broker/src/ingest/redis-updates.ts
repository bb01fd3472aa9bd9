import { mergeNewest, type PrimitiveValue } from "@aspen/core";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { LiveMessage, RedisKeys } from "../keys";

type Latest = Record<string, { ts: number; value: PrimitiveValue }>;

export interface RedisUpdates {
  /** Whether anyone is watching the tenant's live channel (telemetry for it is only built if so). */
  watched(tenantId: string, now: number): boolean;
  /** Newest value per key of a device (an older timestamp does not replace a newer one). */
  latest(deviceId: string, values: Latest): void;
  /** Usage of a tenant on the UTC day of `now`. */
  usage(tenantId: string, now: number, points: number, bytes: number): void;
  live(tenantId: string, message: LiveMessage): void;
  /** Writes what has gathered (shutdown). */
  flush(): Promise<void>;
}

let dayCache = { from: 0, to: -1, day: "" };
/** `YYYYMMDD` (UTC) of a time, remembered for the day it falls in (it is asked once per message). */
function utcDay(ms: number): string {
  if (ms < dayCache.from || ms > dayCache.to) {
    const from = ms - (ms % 86_400_000);
    dayCache = { from, to: from + 86_399_999, day: new Date(ms).toISOString().slice(0, 10).replaceAll("-", "") };
  }
  return dayCache.day;
}
const ttlSeconds = 40 * 86_400;

/**
 * What committed batches change in Redis — latest values per device, usage counters per tenant and
 * day, live updates for the console — gathered for `flushMs` and written in one pipeline. Under load
 * a batch commits every few milliseconds, and a pipeline per batch (an HSET per device, six commands
 * per tenant) cost the broker more than decoding the messages. Best effort, as before: a failed
 * write is logged, nothing is retried, acknowledged data is in Postgres already.
 */
export function createRedisUpdates(deps: { redis: Redis; keys: RedisKeys; log: Logger; flushMs?: number }): RedisUpdates {
  const { redis, keys, log } = deps;
  const flushMs = deps.flushMs ?? 50;
  let latest = new Map<string, Latest>();
  let usage = new Map<string, { tenantId: string; day: string; messages: number; points: number; bytes: number }>();
  let live = new Map<string, LiveMessage[]>();
  let timer: NodeJS.Timeout | null = null;
  // Telemetry for the live view is only serialised for tenants someone is watching: PUBLISH says how
  // many subscribers got the last message; with none, skip (re-checking every 2 s).
  const audience = new Map<string, { receivers: number; at: number }>();

  const schedule = () => {
    timer ??= setTimeout(() => void write(), flushMs);
  };

  async function write() {
    if (timer) clearTimeout(timer);
    timer = null;
    if (latest.size === 0 && usage.size === 0 && live.size === 0) return;
    const [l, u, m] = [latest, usage, live];
    latest = new Map();
    usage = new Map();
    live = new Map();
    const now = Date.now();
    const pipeline = redis.pipeline();
    for (const [deviceId, values] of l) {
      const fields: string[] = [];
      for (const key in values) fields.push(key, JSON.stringify(values[key]));
      if (fields.length > 0) pipeline.hset(keys.latest(deviceId), ...fields);
    }
    for (const [key, c] of u) {
      pipeline.hincrby(key, "messages", c.messages).hincrby(key, "points", c.points).hincrby(key, "bytes", c.bytes).expire(key, ttlSeconds);
      pipeline.sadd(keys.usageTenants(c.day), c.tenantId).expire(keys.usageTenants(c.day), ttlSeconds);
    }
    const published: [string, number][] = [];
    for (const [tenantId, messages] of m) {
      published.push([tenantId, pipeline.length]);
      pipeline.publish(keys.live(tenantId), JSON.stringify(messages));
    }
    try {
      const results = await pipeline.exec();
      for (const [tenantId, index] of published) {
        const receivers = results?.[index]?.[1];
        if (typeof receivers === "number") audience.set(tenantId, { receivers, at: now });
      }
    } catch (err) {
      log.error({ err }, "could not update latest values / usage counters in Redis");
    }
  }

  return {
    watched(tenantId, now) {
      const a = audience.get(tenantId);
      return !a || a.receivers > 0 || now - a.at > 2000;
    },
    latest(deviceId, values) {
      const known = latest.get(deviceId);
      if (known) mergeNewest(known, values);
      else latest.set(deviceId, { ...values });
      schedule();
    },
    usage(tenantId, now, points, bytes) {
      const day = utcDay(now);
      const key = keys.usage(tenantId, day);
      const c = usage.get(key);
      if (c) {
        c.messages++;
        c.points += points;
        c.bytes += bytes;
      } else {
        usage.set(key, { tenantId, day, messages: 1, points, bytes });
      }
      schedule();
    },
    live(tenantId, message) {
      const list = live.get(tenantId);
      if (list) list.push(message);
      else live.set(tenantId, [message]);
      schedule();
    },
    flush: write,
  };
}
