import { redisKeys, shareChangedMessage, type ShareChangedMessage } from "@aspen/core";
import { getEnv } from "../../env";
import { logger } from "../logger";
import { getRedis } from "../redis";

/**
 * Tells every web instance that what a dashboard's share links show changed (a link revoked, the
 * dashboard edited or deleted): their open share streams of it re-check at once — a revoked link's
 * closes within moments, an edited layout is followed. Call it after the change committed. Never throws.
 */
export async function notifyShareChanged(msg: ShareChangedMessage): Promise<void> {
  try {
    await getRedis().publish(redisKeys(getEnv().REDIS_PREFIX).shareChanged, JSON.stringify(shareChangedMessage.parse(msg)));
  } catch (err) {
    // The streams' periodic re-check still catches up.
    logger.error({ err: (err as Error).message, dashboardId: msg.dashboardId }, "could not announce a share change");
  }
}
