import { getRedis } from "../redis";
import { restKeys } from "../api/v1/keys";
import { logger } from "../logger";

/** Counts one REST call made with a token of `grantId` (shown to the app's admins). */
export async function countGrantRequest(grantId: string): Promise<void> {
  try {
    await getRedis().hincrby(restKeys().grantRequests, grantId, 1);
  } catch (err) {
    logger.warn({ err: (err as Error).message }, "OAuth grant request count failed");
  }
}

/** Request counts of grants by id. */
export async function grantRequestCounts(grantIds: string[]): Promise<Map<string, number>> {
  if (grantIds.length === 0) return new Map();
  const values = await getRedis().hmget(restKeys().grantRequests, ...grantIds);
  return new Map(grantIds.map((id, i) => [id, Number(values[i] ?? 0)]));
}
