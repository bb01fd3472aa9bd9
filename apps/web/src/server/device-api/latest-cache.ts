import { z } from "zod";
import { getEnv } from "../../env";
import { logger } from "../logger";
import { getRedis } from "../redis";
import { redisKeys } from "@aspen/core";

export type LatestEntry = { ts: number; value: number | boolean | string };

const entrySchema = z.object({ ts: z.number(), value: z.union([z.number(), z.boolean(), z.string()]) });

/**
 * A device's latest values as the broker keeps them in Redis, written right after each commit —
 * the device row catches up about a second later. Empty when Redis cannot answer: the row is the
 * fallback, never an error.
 */
export async function readCachedLatest(deviceId: string): Promise<Record<string, LatestEntry>> {
  try {
    const hash = await getRedis().hgetall(redisKeys(getEnv().REDIS_PREFIX).latest(deviceId));
    const out: Record<string, LatestEntry> = {};
    for (const [key, raw] of Object.entries(hash)) {
      try {
        const parsed = entrySchema.safeParse(JSON.parse(raw));
        if (parsed.success) out[key] = parsed.data;
      } catch {
        /* not JSON: skip the field */
      }
    }
    return out;
  } catch (err) {
    logger.warn({ err: (err as Error).message, deviceId }, "could not read cached latest values");
    return {};
  }
}
