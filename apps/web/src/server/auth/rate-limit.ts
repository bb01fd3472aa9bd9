import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { Redis } from "ioredis";

export interface LoginLimits {
  /** Attempts allowed per client IP within `windowSeconds` (counted before the password is checked). */
  perIp: number;
  windowSeconds: number;
  /** Wrong passwords per account before delays start. */
  freeFailures: number;
  /** First delay after `freeFailures`; each further failure doubles it, up to `maxDelaySeconds`. */
  baseDelaySeconds: number;
  maxDelaySeconds: number;
  /** `user.login_failed` audit rows written per email and per IP within `windowSeconds`; the rest are only counted. */
  auditRowsPerKey: number;
}

export const defaultLoginLimits: LoginLimits = {
  perIp: 50,
  windowSeconds: 15 * 60,
  freeFailures: 5,
  baseDelaySeconds: 1,
  maxDelaySeconds: 60,
  auditRowsPerKey: 20,
};

export type LimitCheck = { limited: false } | { limited: true; retryAfterSeconds: number };

/**
 * Atomically: refuse (returning the milliseconds to wait) when the account is
 * inside its delay and the address is not known, else count the attempt as a
 * failure in advance (a success deletes the key), so parallel guesses cannot
 * all pass through the free ones.
 */
const RESERVE_ATTEMPT = `
local n = tonumber(redis.call('HGET', KEYS[1], 'n') or '0')
local last = tonumber(redis.call('HGET', KEYS[1], 'last') or '0')
local now, free, base, max, known, ttl = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), ARGV[5], tonumber(ARGV[6])
local delay = 0
if n >= free then delay = math.min(max, base * 2 ^ (n - free)) end
if known ~= '1' and now < last + delay then return math.ceil(last + delay - now) end
redis.call('HINCRBY', KEYS[1], 'n', 1)
redis.call('HSET', KEYS[1], 'last', now)
redis.call('EXPIRE', KEYS[1], ttl)
return 0`;

/** Addresses an account signed in from remember it this long. */
const KNOWN_IP_TTL_SECONDS = 90 * 24 * 3600;
const MAX_KNOWN_IPS = 20;

/**
 * Login throttling on Redis. Per IP: a budget spent by every attempt before
 * the password is checked. Per account: not a budget (anyone could spend it
 * and lock the owner out) but a progressive delay after `freeFailures` wrong
 * passwords; attempts inside the delay are refused without a check (and do not
 * lengthen it), except
 * from an address the account signed in from before, where the right
 * password always passes. A success clears the delay.
 */
export class LoginRateLimiter {
  private readonly byIp: RateLimiterRedis;
  private readonly auditByEmail: RateLimiterRedis;
  private readonly auditByIp: RateLimiterRedis;

  constructor(
    private readonly redis: Redis,
    readonly limits: LoginLimits = defaultLoginLimits,
    private readonly prefix = "aspen:login",
  ) {
    const rl = (name: string, points: number) =>
      new RateLimiterRedis({ storeClient: redis, keyPrefix: `${prefix}:${name}`, points, duration: limits.windowSeconds });
    this.byIp = rl("ip", limits.perIp);
    this.auditByEmail = rl("audit:email", limits.auditRowsPerKey);
    this.auditByIp = rl("audit:ip", limits.auditRowsPerKey);
  }

  private failKey = (email: string) => `${this.prefix}:fail:${email}`;
  private knownKey = (email: string) => `${this.prefix}:known:${email}`;

  /** Takes one attempt from the IP's budget, then one from the account unless it is inside its delay. */
  async attempt(email: string, ip: string | null): Promise<LimitCheck> {
    if (ip) {
      try {
        await this.byIp.consume(ip, 1);
      } catch (err) {
        if (err instanceof RateLimiterRes) return { limited: true, retryAfterSeconds: Math.ceil(err.msBeforeNext / 1000) };
        throw err;
      }
    }
    const known = ip ? (await this.redis.sismember(this.knownKey(email), ip)) === 1 : false;
    const l = this.limits;
    const waitMs = (await this.redis.eval(
      RESERVE_ATTEMPT,
      1,
      this.failKey(email),
      Date.now(),
      l.freeFailures,
      l.baseDelaySeconds * 1000,
      l.maxDelaySeconds * 1000,
      known ? 1 : 0,
      Math.max(l.windowSeconds, l.maxDelaySeconds * 4),
    )) as number;
    return waitMs > 0 ? { limited: true, retryAfterSeconds: Math.ceil(waitMs / 1000) } : { limited: false };
  }

  /** A successful sign-in: clear the account's delay, remember the address, give the IP its attempt back. */
  async succeeded(email: string, ip: string | null): Promise<void> {
    const ops: Promise<unknown>[] = [this.redis.del(this.failKey(email))];
    if (ip) {
      const known = this.knownKey(email);
      ops.push(
        this.redis
          .multi()
          .sadd(known, ip)
          .expire(known, KNOWN_IP_TTL_SECONDS)
          .exec()
          .then(async () => {
            if ((await this.redis.scard(known)) > MAX_KNOWN_IPS) await this.redis.spop(known);
          }),
        this.byIp.reward(ip, 1),
      );
    }
    await Promise.allSettled(ops);
  }

  /** Whether a refused attempt may still write an audit row (capped per email and per IP and window). */
  async mayAudit(email: string, ip: string | null): Promise<boolean> {
    const results = await Promise.allSettled([
      this.auditByEmail.consume(email, 1),
      ip ? this.auditByIp.consume(ip, 1) : Promise.resolve(null),
    ]);
    return results.every((r) => r.status === "fulfilled");
  }
}
