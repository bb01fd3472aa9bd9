import { createUserSession, findUserByEmail, normalizeEmail } from "@aspen/db";
import { z } from "zod";
import { getEnv } from "../../env";
import { recordAudit } from "../audit";
import { getSystemDb } from "../db";
import { logger } from "../logger";
import { metrics } from "../metrics";
import { getRedis } from "../redis";
import type { RequestMeta } from "../request-meta";
import { checkSecondFactor } from "../services/account/second-factor";
import { verifyPassword } from "./password";
import { defaultLoginLimits, LoginRateLimiter } from "./rate-limit";

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  sessionVersion: number;
  /** The session row this sign-in made (listed on the account page, revocable on its own). */
  sessionId: string;
}

export type AuthenticateResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; reason: "invalid_credentials" | "rate_limited" | "totp_required" | "totp_invalid"; retryAfterSeconds?: number };

const credentialsSchema = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(1024),
  /** Authenticator code or recovery code, for users with two-factor authentication on. */
  code: z
    .string()
    .trim()
    .max(20)
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

let limiter: LoginRateLimiter | undefined;
function loginLimiter(): LoginRateLimiter {
  limiter ??= new LoginRateLimiter(getRedis(), defaultLoginLimits, `${getEnv().REDIS_PREFIX}aspen:login`);
  return limiter;
}

/**
 * Checks an email + password sign-in. Wrong email, wrong password and a
 * disabled account all give the same `invalid_credentials`; only throttling
 * is distinguishable (`rate_limited`). Records `user.login` / `user.login_failed`
 * (the latter capped per email and IP, see LoginLimits.auditRowsPerKey).
 */
export async function authenticate(
  raw: unknown,
  meta: RequestMeta,
  deps: { limiter?: LoginRateLimiter } = {},
): Promise<AuthenticateResult> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) {
    metrics().logins.inc({ result: "invalid" });
    return { ok: false, reason: "invalid_credentials" };
  }
  const email = normalizeEmail(parsed.data.email);
  const rl = deps.limiter ?? loginLimiter();

  const check = await rl.attempt(email, meta.ip).catch((err: Error) => {
    // Fail closed would lock everyone out during a Redis outage; fail open but say so.
    logger.error({ err: err.message }, "login rate limiter unavailable");
    return { limited: false } as const;
  });
  // Refused attempts are audited up to a cap per email and IP and window: a flood must not flood the audit log.
  const mayAudit = () => rl.mayAudit(email, meta.ip).catch(() => true);
  if (check.limited) {
    metrics().logins.inc({ result: "rate_limited" });
    if (await mayAudit()) {
      await recordAudit(
        { meta },
        { action: "user.login_failed", tenantId: null, actor: { id: null, email }, details: { reason: "rate_limited" } },
      );
    }
    return { ok: false, reason: "rate_limited", retryAfterSeconds: check.retryAfterSeconds };
  }

  const user = await findUserByEmail(getSystemDb(), email);
  const passwordOk = await verifyPassword(user?.passwordHash, parsed.data.password);
  if (!user || !passwordOk || user.disabledAt) {
    metrics().logins.inc({ result: "invalid" });
    if (await mayAudit()) {
      await recordAudit(
        { meta },
        {
          action: "user.login_failed",
          tenantId: null,
          actor: { id: user?.id ?? null, email },
          details: { reason: !user ? "unknown_email" : user.disabledAt ? "disabled" : "wrong_password" },
        },
      );
    }
    return { ok: false, reason: "invalid_credentials" };
  }

  const second = await checkSecondFactor(getSystemDb(), user.id, parsed.data.code);
  if (second === "missing" || second === "wrong") {
    // The password was right: the next attempt with the code should not be slowed further than the delay already is.
    metrics().logins.inc({ result: second === "missing" ? "totp_required" : "totp_invalid" });
    if (second === "wrong" && (await mayAudit())) {
      await recordAudit(
        { meta },
        { action: "user.login_failed", tenantId: null, actor: { id: user.id, email }, details: { reason: "totp_invalid" } },
      );
    }
    return { ok: false, reason: second === "missing" ? "totp_required" : "totp_invalid" };
  }

  await rl.succeeded(email, meta.ip);
  metrics().logins.inc({ result: "success" });
  await recordAudit({ meta }, { action: "user.login", tenantId: null, actor: { id: user.id, email: user.email } });
  const sessionId = await createUserSession(getSystemDb(), {
    userId: user.id,
    sessionVersion: user.sessionVersion,
    ip: meta.ip,
    userAgent: meta.userAgent,
  });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion, sessionId } };
}
