import { ingestStreamField, type IngestBatch } from "../events/ingest-stream";
import { mergeNewest } from "../telemetry/latest";
import type { PrimitiveValue } from "../thing-model/value-schema";
import type { LiveMessage } from "./live-message";
import { usageTtlSeconds, utcDay, type RedisKeys } from "./redis-keys";

type Latest = Record<string, { ts: number; value: PrimitiveValue }>;

/** The Redis commands after-commit updates need (an ioredis pipeline has them). */
export interface AfterCommitPipeline {
  readonly length: number;
  hset(key: string, ...fieldValues: string[]): unknown;
  hincrby(key: string, field: string, increment: number): unknown;
  expire(key: string, seconds: number): unknown;
  sadd(key: string, ...members: string[]): unknown;
  publish(channel: string, message: string): unknown;
  xadd(key: string, ...args: (string | number)[]): unknown;
}

/** Entries the ingest stream keeps (approximate trimming: `XADD … MAXLEN ~`). */
export const ingestStreamMaxLen = 100_000;

/** Where each command of interest landed in the pipeline, to read its result. */
export interface AfterCommitPositions {
  /** Per tenant, the index of its live PUBLISH (the reply says how many listen). */
  published: [tenantId: string, index: number][];
  /** Indices of the ingest-stream XADDs. */
  streamed: number[];
}

/**
 * What committed data changes in Redis — the newest value per device key, usage counters per tenant
 * and UTC day, live updates for the console, one ingest-stream entry per committed batch — gathered
 * and then appended to one pipeline. The one copy of these writes for the broker (which gathers
 * several batches per flush) and the device HTTP API (one request = one batch). Best effort for the
 * caller: the data is in Postgres already.
 */
export class AfterCommitWrites {
  private latest = new Map<string, Latest>();
  private usage = new Map<string, { tenantId: string; day: string; messages: number; points: number; bytes: number }>();
  private live = new Map<string, LiveMessage[]>();
  private batches: IngestBatch[] = [];

  get empty(): boolean {
    return this.latest.size === 0 && this.usage.size === 0 && this.live.size === 0 && this.batches.length === 0;
  }

  /** Newest value per key of a device (an older timestamp does not replace a newer one). */
  addLatest(deviceId: string, values: Latest): void {
    const known = this.latest.get(deviceId);
    if (known) mergeNewest(known, values);
    else this.latest.set(deviceId, { ...values });
  }

  /** One message's usage on the UTC day of `now`. */
  addUsage(tenantId: string, now: number, points: number, bytes: number, day = utcDay(now)): void {
    const key = `${tenantId}:${day}`;
    const c = this.usage.get(key);
    if (c) {
      c.messages++;
      c.points += points;
      c.bytes += bytes;
    } else {
      this.usage.set(key, { tenantId, day, messages: 1, points, bytes });
    }
  }

  addLive(tenantId: string, message: LiveMessage): void {
    const list = this.live.get(tenantId);
    if (list) list.push(message);
    else this.live.set(tenantId, [message]);
  }

  /** One committed batch for the ingest stream (skipped when it carries nothing). */
  addBatch(batch: IngestBatch): void {
    if (batch.telemetry.length + batch.events.length + batch.presence.length + batch.commands.length === 0) return;
    this.batches.push(batch);
  }

  /** Appends everything gathered to `pipeline` and starts over. */
  appendTo(pipeline: AfterCommitPipeline, keys: RedisKeys, streamMaxLen = ingestStreamMaxLen): AfterCommitPositions {
    const { latest, usage, live, batches } = this;
    this.latest = new Map();
    this.usage = new Map();
    this.live = new Map();
    this.batches = [];
    for (const [deviceId, values] of latest) {
      const fields: string[] = [];
      for (const key in values) fields.push(key, JSON.stringify(values[key]));
      if (fields.length > 0) pipeline.hset(keys.latest(deviceId), ...fields);
    }
    for (const c of usage.values()) {
      const key = keys.usage(c.tenantId, c.day);
      pipeline.hincrby(key, "messages", c.messages);
      pipeline.hincrby(key, "points", c.points);
      pipeline.hincrby(key, "bytes", c.bytes);
      pipeline.expire(key, usageTtlSeconds);
      pipeline.sadd(keys.usageTenants(c.day), c.tenantId);
      pipeline.expire(keys.usageTenants(c.day), usageTtlSeconds);
    }
    const positions: AfterCommitPositions = { published: [], streamed: [] };
    for (const [tenantId, messages] of live) {
      positions.published.push([tenantId, pipeline.length]);
      pipeline.publish(keys.live(tenantId), JSON.stringify(messages));
    }
    for (const batch of batches) {
      positions.streamed.push(pipeline.length);
      pipeline.xadd(keys.ingestStream, "MAXLEN", "~", streamMaxLen, "*", ingestStreamField, JSON.stringify(batch));
    }
    return positions;
  }
}
