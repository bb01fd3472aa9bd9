import { Redis, type RedisOptions } from "ioredis";

/** An ioredis connection suitable for BullMQ (which needs `maxRetriesPerRequest: null`) and general use. */
export function createRedis(url: string, opts: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false, ...opts });
}

export class RedisNotDurableError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Redis is not configured for durability: ${problems.join("; ")}. ` +
        "Start it with `--appendonly yes --maxmemory-policy noeviction` (scripts/services.sh does), " +
        "or set them with CONFIG SET and CONFIG REWRITE.",
    );
    this.name = "RedisNotDurableError";
  }
}

/**
 * Refuses to run against a Redis that can lose queued jobs or counters:
 * append-only persistence must be on and keys must never be evicted (BullMQ's requirement).
 */
export async function assertRedisDurable(redis: Redis): Promise<void> {
  const [, appendonly] = (await redis.config("GET", "appendonly")) as [string, string];
  const [, policy] = (await redis.config("GET", "maxmemory-policy")) as [string, string];
  const problems: string[] = [];
  if (appendonly !== "yes") problems.push(`appendonly is "${appendonly}", needs "yes"`);
  if (policy !== "noeviction") problems.push(`maxmemory-policy is "${policy}", needs "noeviction"`);
  if (problems.length) throw new RedisNotDurableError(problems);
}
