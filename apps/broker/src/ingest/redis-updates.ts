import { AfterCommitWrites, type IngestBatch, type LiveMessage, type PrimitiveValue, type RedisKeys } from "@aspen/core";
import type { Redis } from "ioredis";
import type { Logger } from "pino";

type Latest = Record<string, { ts: number; value: PrimitiveValue }>;

export interface RedisUpdates {
  /** Whether anyone is watching the tenant's live channel (telemetry for it is only built if so). */
  watched(tenantId: string, now: number): boolean;
  /** Newest value per key of a device (an older timestamp does not replace a newer one). */
  latest(deviceId: string, values: Latest): void;
  /** Usage of a tenant on the UTC day of `now`. */
  usage(tenantId: string, now: number, points: number, bytes: number): void;
  live(tenantId: string, message: LiveMessage): void;
  /** One committed batch for the ingest stream (one XADD, in the next pipeline). */
  batch(batch: IngestBatch): void;
  /** A committed connection / disconnection: gathered into one stream entry per flush. */
  presence(change: IngestBatch["presence"][number]): void;
  /** A committed command result (succeeded, failed, timed out): gathered like presence. */
  commandResult(result: IngestBatch["commands"][number]): void;
  /** Writes what has gathered (shutdown). */
  flush(): Promise<void>;
}

export interface RedisUpdatesDeps {
  redis: Redis;
  keys: RedisKeys;
  log: Logger;
  flushMs?: number;
  streamMaxLen?: number;
  /** Prefix of the batch ids of presence / command entries (the broker id). */
  batchPrefix?: string;
  /** A pipeline, or some of its commands, failed (the data is in Postgres already). */
  onFailure?(what: "updates" | "stream", count: number): void;
}

/**
 * What committed batches change in Redis (packages/core `AfterCommitWrites`: latest values, usage
 * counters, live updates, ingest-stream entries) gathered for `flushMs` and written in one pipeline.
 * Under load a batch commits every few milliseconds, and a pipeline per batch cost the broker more
 * than decoding the messages. Best effort: a failed write is logged and counted, nothing is retried,
 * acknowledged data is in Postgres already.
 */
export function createRedisUpdates(deps: RedisUpdatesDeps): RedisUpdates {
  const { redis, keys, log } = deps;
  const flushMs = deps.flushMs ?? 50;
  const pending = new AfterCommitWrites();
  let timer: NodeJS.Timeout | null = null;
  const run = `${deps.batchPrefix ?? "broker"}-${Date.now().toString(36)}-s`;
  let seq = 0;
  let side: IngestBatch | null = null;
  const sideBatch = (): IngestBatch =>
    (side ??= {
      v: 1,
      batchId: `${run}${++seq}`,
      source: "mqtt",
      committedAt: Date.now(),
      telemetry: [],
      events: [],
      presence: [],
      commands: [],
    });
  // Telemetry for the live view is only serialised for tenants someone is watching: PUBLISH says how
  // many subscribers got the last message; with none, skip (re-checking every 2 s).
  const audience = new Map<string, { receivers: number; at: number }>();

  const schedule = () => {
    timer ??= setTimeout(() => void write(), flushMs);
  };

  async function write() {
    if (timer) clearTimeout(timer);
    timer = null;
    if (side) {
      pending.addBatch(side);
      side = null;
    }
    if (pending.empty) return;
    const now = Date.now();
    const pipeline = redis.pipeline();
    const { published, streamed } = pending.appendTo(pipeline, keys, deps.streamMaxLen);
    try {
      const results = await pipeline.exec();
      for (const [tenantId, index] of published) {
        const receivers = results?.[index]?.[1];
        if (typeof receivers === "number") audience.set(tenantId, { receivers, at: now });
      }
      const failed = streamed.filter((i) => !results || results[i]?.[0]).length;
      if (failed > 0) {
        deps.onFailure?.("stream", failed);
        log.error({ err: results?.[streamed[0]!]?.[0], entries: failed }, "could not append committed batches to the ingest stream");
      }
    } catch (err) {
      deps.onFailure?.("updates", 1);
      if (streamed.length > 0) deps.onFailure?.("stream", streamed.length);
      log.error({ err, streamEntries: streamed.length }, "could not update latest values / usage counters / ingest stream in Redis");
    }
  }

  return {
    watched(tenantId, now) {
      const a = audience.get(tenantId);
      return !a || a.receivers > 0 || now - a.at > 2000;
    },
    latest(deviceId, values) {
      pending.addLatest(deviceId, values);
      schedule();
    },
    usage(tenantId, now, points, bytes) {
      pending.addUsage(tenantId, now, points, bytes);
      schedule();
    },
    live(tenantId, message) {
      pending.addLive(tenantId, message);
      schedule();
    },
    batch(batch) {
      pending.addBatch(batch);
      schedule();
    },
    presence(change) {
      sideBatch().presence.push(change);
      schedule();
    },
    commandResult(result) {
      sideBatch().commands.push(result);
      schedule();
    },
    flush: write,
  };
}
