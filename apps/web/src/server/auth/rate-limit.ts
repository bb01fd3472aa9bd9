import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { Redis } from "ioredis";

export interface LoginLimits {
  /** Failed attempts allowed per email within `windowSeconds`. */
  perEmail: number;
  /** Failed attempts allowed per client IP within `windowSeconds`. */
  perIp: number;
  windowSeconds: number;
}

export const defaultLoginLimits: LoginLimits = { perEmail: 10, perIp: 50, windowSeconds: 15 * 60 };

export type LimitCheck = { limited: false } | { limited: true; retryAfterSeconds: number };

/**
 * Login throttling on Redis: every attempt is counted per email and per IP
 * before the password is checked (so parallel guesses cannot slip past the
 * limit); a success clears the email's count and refunds the IP's attempt.
 */
export class LoginRateLimiter {
  private readonly byEmail: RateLimiterRedis;
  private readonly byIp: RateLimiterRedis;

  constructor(redis: Redis, limits: LoginLimits = defaultLoginLimits, prefix = "aspen:login") {
    this.byEmail = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:email`,
      points: limits.perEmail,
      duration: limits.windowSeconds,
    });
    this.byIp = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:ip`,
      points: limits.perIp,
      duration: limits.windowSeconds,
    });
  }

  /** Takes one attempt from both budgets; `limited` when either is spent. */
  async attempt(email: string, ip: string | null): Promise<LimitCheck> {
    const results = await Promise.allSettled([
      this.byEmail.consume(email, 1),
      ip ? this.byIp.consume(ip, 1) : Promise.resolve(null),
    ]);
    let retry = 0;
    for (const r of results) {
      if (r.status === "rejected") {
        if (r.reason instanceof RateLimiterRes) retry = Math.max(retry, Math.ceil(r.reason.msBeforeNext / 1000));
        else throw r.reason;
      }
    }
    return retry > 0 ? { limited: true, retryAfterSeconds: retry } : { limited: false };
  }

  /** A successful sign-in: forget the email's failures and give the IP its attempt back. */
  async succeeded(email: string, ip: string | null): Promise<void> {
    await Promise.allSettled([this.byEmail.delete(email), ip ? this.byIp.reward(ip, 1) : Promise.resolve()]);
  }
}
