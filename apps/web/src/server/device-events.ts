import { channels, type DeviceRevokedMessage } from "@aspen/core";
import { getEnv } from "../env";
import { logger } from "./logger";
import { getRedis } from "./redis";

async function publish(channel: string, msg: object): Promise<void> {
  try {
    await getRedis().publish(channel, JSON.stringify(msg));
  } catch (err) {
    // Best effort: brokers re-check Postgres when their short caches expire.
    logger.error({ err: (err as Error).message, channel, ...msg }, "could not publish to brokers");
  }
}

/**
 * Tells every broker that a device's credentials changed (rotated, disabled,
 * deleted): they drop cached credentials and disconnect it. Never throws.
 */
export function notifyDeviceCredentialsChanged(msg: DeviceRevokedMessage): Promise<void> {
  return publish(channels(getEnv().REDIS_PREFIX).deviceRevoked, msg);
}

/** Tells brokers to recompile a product's thing model validators. Never throws. */
export function notifyProductChanged(msg: { tenantId: string; productId: string }): Promise<void> {
  return publish(channels(getEnv().REDIS_PREFIX).productChanged, msg);
}
