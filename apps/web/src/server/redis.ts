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
 */
export async function checkRedisConfig(redis: Redis = getRedis()): Promise<string[]> {
  const problems: string[] = [];
  try {
    const policy = (await redis.config("GET", "maxmemory-policy")) as string[];
    if (policy[1] !== "noeviction") problems.push(`maxmemory-policy is "${policy[1]}", must be "noeviction"`);
    const aof = (await redis.config("GET", "appendonly")) as string[];
    if (aof[1] !== "yes") problems.push(`appendonly is "${aof[1]}", must be "yes"`);
  } catch (err) {
    // Managed Redis often disables CONFIG: say so instead of refusing to run.
    problems.push(`cannot read Redis config (${(err as Error).message}); check appendonly/noeviction yourself`);
  }
  return problems;
}
