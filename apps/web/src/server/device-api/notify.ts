import { channels, commandMessage, deviceDesiredMessage, type CommandMessage, type DeviceDesiredMessage } from "@aspen/core";
import { getEnv } from "../../env";
import { logger } from "../logger";
import { getRedis } from "../redis";

/**
 * Publishes a web → broker message. Returns whether Redis took it; never throws, because the row it
 * announces is already committed and brokers also pick up stranded work on their own sweeps.
 */
async function publish(channel: string, msg: object): Promise<boolean> {
  try {
    await getRedis().publish(channel, JSON.stringify(msg));
    return true;
  } catch (err) {
    logger.error({ err: (err as Error).message, channel, ...msg }, "could not publish to brokers");
    return false;
  }
}

/** A command row was queued: the broker holding the device sends it (`channels().command`). */
export function notifyCommandQueued(msg: CommandMessage): Promise<boolean> {
  return publish(channels(getEnv().REDIS_PREFIX).command, commandMessage.parse(msg));
}

/** A device's desired attributes changed: the broker holding it pushes them (`channels().deviceDesired`). */
export function notifyDesiredChanged(msg: DeviceDesiredMessage): Promise<boolean> {
  return publish(channels(getEnv().REDIS_PREFIX).deviceDesired, deviceDesiredMessage.parse(msg));
}
