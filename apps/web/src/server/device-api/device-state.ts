import { AfterCommitWrites, redisKeys, type LiveMessage } from "@aspen/core";
import { withTenant } from "@aspen/db";
import { applyDeviceStats, insertDeviceErrors, type DeviceErrorRow } from "@aspen/db/broker";
import { getEnv } from "../../env";
import { getDb } from "../db";
import { logger } from "../logger";
import { getRedis } from "../redis";


/**
 * Records rejected input in the device's "last errors" and error counter. Never throws: a device
 * whose request was refused gets its answer even when the record cannot be written.
 */
export async function recordDeviceErrors(rows: DeviceErrorRow[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const clipped = rows.map((r) => ({ ...r, reason: r.reason.slice(0, 500), topic: r.topic?.slice(0, 300) ?? null }));
  try {
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
}

/**
 * After a commit: latest values and usage counters in Redis and live updates for the console — the
 * same writes as the broker's (packages/core `AfterCommitWrites`), in one pipeline. Awaited so that
 * tests and metering see them, but failures only log: the data is in Postgres.
 */
export async function afterAccepted(a: AcceptedData): Promise<void> {
  try {
    const writes = new AfterCommitWrites();
    if (Object.keys(a.latest).length > 0) writes.addLatest(a.deviceId, a.latest);
    writes.addUsage(a.tenantId, Date.now(), a.points, a.bytes);
    for (const m of a.live) writes.addLive(a.tenantId, m);
    const pipeline = getRedis().pipeline();
    writes.appendTo(pipeline, redisKeys(getEnv().REDIS_PREFIX));
    await pipeline.exec();
  } catch (err) {
    logger.error({ err, deviceId: a.deviceId }, "could not update latest values / usage counters in Redis");
  }
}
