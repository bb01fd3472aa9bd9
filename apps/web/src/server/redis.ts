import { assertRedisDurable, RedisNotDurableError } from "@aspen/jobs";
import { Redis } from "ioredis";
import { getEnv } from "../env";
import { logger } from "./logger";

const g = globalThis as unknown as { __aspenRedis?: Redis };

/** The shared ioredis client (rate limits, pub/sub publishes, caches). */
export function getRedis(): Redis {
  if (!g.__aspenRedis) {
    const client = new Redis(getEnv().REDIS_URL, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false });
    client.on("error", (err) => logger.warn({ err: err.message }, "redis connection error"));
    g.__aspenRedis = client;
  }
  return g.__aspenRedis;
}

/**
 * BullMQ needs `appendonly yes` and `maxmemory-policy noeviction` to be
 * correct; returns the list of problems (empty when Redis is fit for use).
 * Same rule as the worker's (`assertRedisDurable` from @aspen/jobs).
 */
export async function checkRedisConfig(redis: Redis = getRedis()): Promise<string[]> {
  try {
    await assertRedisDurable(redis);
    return [];
  } catch (err) {
    if (err instanceof RedisNotDurableError) return err.problems;
    return [`cannot read Redis config: ${(err as Error).message}`];
  }
}
