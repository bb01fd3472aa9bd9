import { channels, dropDeviceCredentials, redisKeys, type DeviceRevokedMessage } from "@aspen/core";
import { getEnv } from "../env";
import { logger } from "./logger";
import { getRedis } from "./redis";

async function publish(channel: string, msg: object): Promise<void> {
  try {
    await getRedis().publish(channel, JSON.stringify(msg));
  } catch (err) {
    // Best effort: brokers re-check their connected devices on a short interval (DEVICE_RECHECK_MS).
    logger.error({ err: (err as Error).message, channel, ...msg }, "could not publish to brokers");
  }
}

/**
 * A device's credentials changed (rotated, disabled, deleted). This request itself drops the
 * brokers' cached credentials (packages/core credential-cache: the epoch bump keeps a lookup in
 * flight from caching the old state), so a new connection with the old secret is refused at once;
 * then it tells every broker to close the device's live connection. Should that message be lost,
 * brokers find the change on their periodic re-check of connected devices within seconds. Never throws.
 */
export async function notifyDeviceCredentialsChanged(msg: DeviceRevokedMessage): Promise<void> {
  const prefix = getEnv().REDIS_PREFIX;
  try {
    await getRedis().eval(...dropDeviceCredentials(redisKeys(prefix), msg.deviceId));
  } catch (err) {
    logger.error({ err: (err as Error).message, deviceId: msg.deviceId }, "could not drop the device's cached credentials");
  }
  await publish(channels(prefix).deviceRevoked, msg);
}

/** Tells brokers to recompile a product's thing model validators. Never throws. */
export function notifyProductChanged(msg: { tenantId: string; productId: string }): Promise<void> {
  return publish(channels(getEnv().REDIS_PREFIX).productChanged, msg);
}
