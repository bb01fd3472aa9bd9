import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { getEnv } from "../../../env";
import { getRedis } from "../../redis";
import { restError } from "./errors";
import { restKeys } from "./keys";
import type { Principal } from "./principal";

/** Requests per minute per key or OAuth grant when the tenant's plan says nothing else (API_RATE_PER_MINUTE, 600). */
export function defaultRatePerMinute(): number {
  return getEnv().API_RATE_PER_MINUTE;
}

const limiters = new Map<number, RateLimiterRedis>();

function limiterFor(points: number): RateLimiterRedis {
  let l = limiters.get(points);
  if (!l) {
    l = new RateLimiterRedis({ storeClient: getRedis(), keyPrefix: `${restKeys().rateLimit}:${points}`, points, duration: 60 });
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
 * Takes one request from the principal's budget (per API key, per OAuth grant). Returns the headers to
 * send with the answer; throws 429 `rate_limited` with them when the minute's budget is spent.
 */
export async function consumeRate(p: Principal): Promise<Record<string, string>> {
  const limit = p.ratePerMinute;
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
