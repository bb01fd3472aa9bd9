import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { planRatePerMinute } from "../../limits/api-rate";
import { getRedis } from "../../redis";
import { restError } from "./errors";
import { restKeys } from "./keys";
import { tenantPlan } from "./plan-cache";
import type { Principal } from "./principal";

/** Requests per minute for a token of the tenant, from its plan (cached in this process for a minute). */
export async function ratePerMinuteOf(tenantId: string): Promise<number> {
  return planRatePerMinute(await tenantPlan(tenantId));
}

// One limiter per limit, all counting in the same buckets: a tenant moved to another plan keeps what it
// used this minute and gets the new limit at once.
const limiters = new Map<number, RateLimiterRedis>();

function limiterFor(points: number): RateLimiterRedis {
  let l = limiters.get(points);
  if (!l) {
    l = new RateLimiterRedis({ storeClient: getRedis(), keyPrefix: restKeys().rateLimit, points, duration: 60 });
    limiters.set(points, l);
  }
  return l;
}

/** Draft-standard RateLimit headers (and Retry-After when spent), from one consume result. */
function headersOf(limit: number, res: RateLimiterRes, limited: boolean): Record<string, string> {
  const reset = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  const h: Record<string, string> = {
    "ratelimit-limit": String(limit),
    "ratelimit-remaining": String(Math.max(0, res.remainingPoints)),
    "ratelimit-reset": String(reset),
  };
  if (limited) h["retry-after"] = String(reset);
  return h;
}

/**
 * Takes one request from the principal's budget (per API key, per OAuth grant; the limit from its
 * tenant's plan). Returns the headers to send with the answer; throws 429 `rate_limited` with them
 * when the minute's budget is spent.
 */
export async function consumeRate(p: Principal): Promise<Record<string, string>> {
  const limit = await ratePerMinuteOf(p.tenant.id);
  try {
    const res = await limiterFor(limit).consume(`${p.revokeRef.kind}:${p.revokeRef.id}`, 1);
    return headersOf(limit, res, false);
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err;
    const headers = headersOf(limit, err, true);
    throw restError(
      429,
      "rate_limited",
      `Too many requests: ${limit} per minute for this token. Retry after ${headers["retry-after"]} s.`,
      { limit },
      headers,
    );
  }
}
