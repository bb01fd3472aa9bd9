import { accessChangedMessage, redisKeys, type AccessChangedMessage } from "@aspen/core";
import { getEnv } from "../../env";
import { logger } from "../logger";
import { getRedis } from "../redis";

/**
 * Tells every web instance that a user's access ended or narrowed (sign-out, sessions revoked,
 * member removed, role changed): their open live streams re-check at once and close within moments
 * instead of at the next periodic re-check. Call it after the change committed. Never throws.
 */
export async function notifyAccessChanged(msg: AccessChangedMessage): Promise<void> {
  try {
    await getRedis().publish(redisKeys(getEnv().REDIS_PREFIX).accessChanged, JSON.stringify(accessChangedMessage.parse(msg)));
  } catch (err) {
    // The streams' periodic re-check still ends them.
    logger.error({ err: (err as Error).message, userId: msg.userId }, "could not announce an access change");
  }
}
