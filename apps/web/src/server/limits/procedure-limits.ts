import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { getEnv } from "../../env";
import { appError } from "../errors";
import { logger } from "../logger";
import { getRedis } from "../redis";

/** One budget: `points` calls per `seconds`, counted per client IP or per signed-in account. */
export interface Budget {
  by: "ip" | "user";
  points: number;
  seconds: number;
}

/**
 * Budgets of the procedures that are expensive (argon2id) or send mail. Every
 * call is counted before it runs, so a batch or a burst cannot slip past.
 */
export const procedureBudgets: Record<string, Budget[]> = {
  "auth.signup": [{ by: "ip", points: 20, seconds: 10 * 60 }],
  "auth.changePassword": [
    { by: "user", points: 5, seconds: 15 * 60 },
    { by: "ip", points: 30, seconds: 15 * 60 },
  ],
  "account.requestPasswordReset": [{ by: "ip", points: 5, seconds: 15 * 60 }],
  "account.resetPassword": [{ by: "ip", points: 10, seconds: 15 * 60 }],
  "account.requestEmailVerification": [{ by: "user", points: 3, seconds: 60 * 60 }],
  "account.verifyEmail": [{ by: "ip", points: 20, seconds: 15 * 60 }],
  "account.totpEnable": [{ by: "user", points: 10, seconds: 15 * 60 }],
  "account.totpDisable": [{ by: "user", points: 5, seconds: 15 * 60 }],
  "member.invite": [
    { by: "user", points: 50, seconds: 60 * 60 },
    { by: "ip", points: 100, seconds: 60 * 60 },
  ],
};

/** Sign-up answers `email_taken` (which says an account exists) at most this often per IP. */
export const emailTakenBudget: Budget = { by: "ip", points: 5, seconds: 60 * 60 };

const limiters = new Map<string, RateLimiterRedis>();
function limiter(name: string, b: Budget): RateLimiterRedis {
  const key = `${name}:${b.by}:${b.points}:${b.seconds}`;
  let l = limiters.get(key);
  if (!l) {
    l = new RateLimiterRedis({
      storeClient: getRedis(),
      keyPrefix: `${getEnv().REDIS_PREFIX}aspen:limit:${name}:${b.by}`,
      points: b.points * getEnv().ABUSE_LIMITS_SCALE,
      duration: b.seconds,
    });
    limiters.set(key, l);
  }
  return l;
}

export interface Caller {
  ip: string | null;
  userId: string | null;
}

function tooMany(retryAfterSeconds: number) {
  return appError(
    "TOO_MANY_REQUESTS",
    "rate_limited",
    `Too many attempts. Try again in ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} minute(s).`,
    [{ path: "", message: `retry after ${retryAfterSeconds} s` }],
  );
}

async function run(op: () => Promise<unknown>): Promise<number> {
  try {
    await op();
    return 0;
  } catch (err) {
    if (err instanceof RateLimiterRes) return Math.ceil(err.msBeforeNext / 1000);
    // Failing closed would stop sign-up during a Redis outage; fail open but say so.
    logger.error({ err: (err as Error).message }, "procedure rate limiter unavailable");
    return 0;
  }
}

/** Takes one point from each budget of `name`; throws TOO_MANY_REQUESTS when one is spent. */
export async function consumeBudgets(name: string, budgets: Budget[], caller: Caller): Promise<void> {
  let retry = 0;
  for (const b of budgets) {
    const key = b.by === "ip" ? caller.ip : caller.userId;
    if (!key) continue;
    retry = Math.max(retry, await run(() => limiter(name, b).consume(key, 1)));
  }
  if (retry > 0) throw tooMany(retry);
}

/** Throws TOO_MANY_REQUESTS when `budget` is already spent, without taking a point. */
export async function assertBudgetLeft(name: string, budget: Budget, caller: Caller): Promise<void> {
  const key = budget.by === "ip" ? caller.ip : caller.userId;
  if (!key) return;
  const res = await limiter(name, budget)
    .get(key)
    .catch(() => null);
  if (res && res.consumedPoints >= budget.points * getEnv().ABUSE_LIMITS_SCALE) throw tooMany(Math.ceil(res.msBeforeNext / 1000));
}

/** Takes one point from `budget` (after the event it counts happened). */
export async function spendBudget(name: string, budget: Budget, caller: Caller): Promise<void> {
  const key = budget.by === "ip" ? caller.ip : caller.userId;
  if (key) await run(() => limiter(name, budget).consume(key, 1));
}
