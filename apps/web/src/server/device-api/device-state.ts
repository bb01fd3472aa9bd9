import { randomUUID } from "node:crypto";
import { AfterCommitWrites, redisKeys, type IngestBatch, type LiveMessage } from "@aspen/core";
import { withTenant } from "@aspen/db";
import { applyDeviceStats, insertDeviceErrors, type DeviceErrorRow } from "@aspen/db/broker";
import { getEnv } from "../../env";
import { getDb } from "../db";
import { logger } from "../logger";
import { metrics } from "../metrics";
import { getRedis } from "../redis";
import { mayRecordDeviceErrors } from "./rate-limit";

/**
 * Records rejected input in the device's "last errors" and error counter, within the device's
 * per-minute budget of error rows (over it, nothing is written: a flood of refused requests cannot
 * flood `device_errors`). Never throws: a device whose request was refused gets its answer even
 * when the record cannot be written.
 */
export async function recordDeviceErrors(rows: DeviceErrorRow[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const clipped = rows.map((r) => ({ ...r, reason: r.reason.slice(0, 500), topic: r.topic?.slice(0, 300) ?? null }));
  try {
    if (!(await mayRecordDeviceErrors(first.deviceId, rows.length))) {
      metrics().deviceErrorsSuppressed.inc(rows.length);
      return;
    }
    await withTenant(getDb(), first.tenantId, async (tx) => {
      await insertDeviceErrors(tx, clipped);
      await applyDeviceStats(tx, [{ deviceId: first.deviceId, latest: {}, lastSeenAt: null, messages: 0, errors: rows.length }]);
    });
  } catch (err) {
    logger.error({ err, deviceId: first.deviceId }, "could not record device errors");
  }
  publishLive(
    first.tenantId,
    clipped.map((r) => ({ type: "error", deviceId: r.deviceId, kind: r.kind, reason: r.reason, at: r.at })),
  );
}

/** Sends live updates to the tenant's console channel. Best effort, never throws. */
export function publishLive(tenantId: string, messages: LiveMessage[]): void {
  if (messages.length === 0) return;
  let channel: string;
  try {
    channel = redisKeys(getEnv().REDIS_PREFIX).live(tenantId);
  } catch (err) {
    logger.error({ err }, "cannot publish live updates");
    return;
  }
  getRedis()
    .publish(channel, JSON.stringify(messages))
    .catch((err: unknown) => logger.warn({ err: (err as Error).message }, "could not publish live updates"));
}

export interface AcceptedData {
  tenantId: string;
  deviceId: string;
  /** Request body size, for usage metering. */
  bytes: number;
  /** Telemetry values stored. */
  points: number;
  latest: Record<string, { ts: number; value: number | boolean | string }>;
  live: LiveMessage[];
  /** What the request committed, for the ingest stream (one entry per request). */
  stream?: StreamItems;
}

/** The parts of an ingest-stream entry a device HTTP request fills. */
export type StreamItems = Partial<Pick<IngestBatch, "telemetry" | "events" | "commands">>;

const streamBatch = (items: StreamItems): IngestBatch => ({
  v: 1,
  batchId: `http-${randomUUID()}`,
  source: "http",
  committedAt: Date.now(),
  telemetry: items.telemetry ?? [],
  events: items.events ?? [],
  presence: [],
  commands: items.commands ?? [],
});

async function exec(writes: AfterCommitWrites, deviceId: string): Promise<void> {
  try {
    const pipeline = getRedis().pipeline();
    const { streamed } = writes.appendTo(pipeline, redisKeys(getEnv().REDIS_PREFIX));
    const results = await pipeline.exec();
    const failed = streamed.filter((i) => !results || results[i]?.[0]).length;
    if (failed > 0) {
      metrics().ingestStreamFailures.inc(failed);
      logger.error({ err: results?.[streamed[0]!]?.[0], deviceId }, "could not append a committed batch to the ingest stream");
    }
    const other = results?.find(([err], i) => err && !streamed.includes(i));
    if (other) logger.error({ err: other[0], deviceId }, "could not update latest values / usage counters in Redis");
  } catch (err) {
    metrics().ingestStreamFailures.inc(1);
    logger.error({ err, deviceId }, "could not update latest values / usage counters / ingest stream in Redis");
  }
}

/**
 * After a commit: latest values and usage counters in Redis, live updates for the console and one
 * ingest-stream entry — the same writes as the broker's (packages/core `AfterCommitWrites`), in one
 * pipeline. Awaited so that tests and metering see them, but failures only log and count: the data
 * is in Postgres.
 */
export async function afterAccepted(a: AcceptedData): Promise<void> {
  const writes = new AfterCommitWrites();
  if (Object.keys(a.latest).length > 0) writes.addLatest(a.deviceId, a.latest);
  writes.addUsage(a.tenantId, Date.now(), a.points, a.bytes);
  for (const m of a.live) writes.addLive(a.tenantId, m);
  if (a.stream) writes.addBatch(streamBatch(a.stream));
  await exec(writes, a.deviceId);
}

/** A committed command result: its live update and its ingest-stream entry, in one pipeline. */
export async function afterCommandResult(r: IngestBatch["commands"][number]): Promise<void> {
  const writes = new AfterCommitWrites();
  writes.addLive(r.tenantId, { type: "command", deviceId: r.deviceId, commandId: r.commandId, status: r.status });
  writes.addBatch(streamBatch({ commands: [r] }));
  await exec(writes, r.deviceId);
}
