import type { Redis } from "ioredis";

/** Deletes every key under the given prefixes (a bench run's own Redis state), so runs do not pile up. */
export async function deletePrefixes(redis: Redis, prefixes: string[]): Promise<number> {
  let deleted = 0;
  for (const prefix of prefixes) {
    const escaped = prefix.replace(/[*?[\]\\]/g, "\\$&");
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${escaped}*`, "COUNT", 1000);
      cursor = next;
      if (keys.length > 0) deleted += await redis.unlink(...keys);
    } while (cursor !== "0");
  }
  return deleted;
}
