import { getEnv } from "../../../env";
import { brokerKeys, usageTtlSeconds, utcDay } from "../../device-api/broker-keys";
import { logger } from "../../logger";
import { getRedis } from "../../redis";

/** The usage hash field REST calls are counted in (next to the broker's `messages`, `points`, `bytes`). */
export const apiCallsField = "api_calls";

/** Counts one REST call for the tenant's day (UTC). Never fails the request. */
export async function countApiCall(tenantId: string, now = Date.now()): Promise<void> {
  const keys = brokerKeys(getEnv().REDIS_PREFIX);
  const day = utcDay(now);
  try {
    await getRedis()
      .multi()
      .hincrby(keys.usage(tenantId, day), apiCallsField, 1)
      .expire(keys.usage(tenantId, day), usageTtlSeconds)
      .sadd(keys.usageTenants(day), tenantId)
      .expire(keys.usageTenants(day), usageTtlSeconds)
      .exec();
  } catch (err) {
    logger.warn({ err: (err as Error).message }, "API usage count failed");
  }
}
