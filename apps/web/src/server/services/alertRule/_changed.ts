import { alertRulesChangedChannel } from "@aspen/core";
import { getEnv } from "../../../env";
import { logger } from "../../logger";
import { getRedis } from "../../redis";

/** Tells workers to drop their cached rules of a product now (they also re-read every few seconds). Never throws. */
export async function publishRulesChanged(tenantId: string, productId: string): Promise<void> {
  try {
    await getRedis().publish(alertRulesChangedChannel(getEnv().REDIS_PREFIX), JSON.stringify({ tenantId, productId }));
  } catch (err) {
    logger.warn({ err: (err as Error).message, tenantId }, "could not publish alert rule change (workers pick it up within seconds)");
  }
}
