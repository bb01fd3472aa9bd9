import { withTenant } from "@aspen/db";
import { applyDeviceStats, insertDeviceErrors, type DeviceErrorRow } from "@aspen/db/broker";
import { getEnv } from "../../env";
import { getDb } from "../db";
import { logger } from "../logger";
import { getRedis } from "../redis";
import { brokerKeys, usageTtlSeconds, utcDay, type LiveMessage } from "./broker-keys";

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
    channel = brokerKeys(getEnv().REDIS_PREFIX).live(tenantId);
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
 * After a commit: latest values and usage counters in Redis (as the broker keeps them) and live
 * updates for the console. Awaited so that tests and metering see them, but failures only log.
 */
export async function afterAccepted(a: AcceptedData): Promise<void> {
  try {
    const keys = brokerKeys(getEnv().REDIS_PREFIX);
    const day = utcDay(Date.now());
    const usage = keys.usage(a.tenantId, day);
    const pipeline = getRedis().pipeline();
    const fields = Object.entries(a.latest).flatMap(([k, v]) => [k, JSON.stringify(v)]);
    if (fields.length > 0) pipeline.hset(keys.latest(a.deviceId), ...fields);
    pipeline.hincrby(usage, "messages", 1).hincrby(usage, "points", a.points).hincrby(usage, "bytes", a.bytes);
    pipeline.expire(usage, usageTtlSeconds).sadd(keys.usageTenants(day), a.tenantId).expire(keys.usageTenants(day), usageTtlSeconds);
    if (a.live.length > 0) pipeline.publish(keys.live(a.tenantId), JSON.stringify(a.live));
    await pipeline.exec();
  } catch (err) {
    logger.error({ err, deviceId: a.deviceId }, "could not update latest values / usage counters in Redis");
  }
}
