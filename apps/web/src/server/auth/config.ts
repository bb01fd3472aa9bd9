import { bumpSessionVersion } from "@aspen/db";
import { notifyAccessChanged } from "../live/access";
import { CredentialsSignin, type NextAuthConfig } from "next-auth";
import type {} from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { getEnv } from "../../env";
import { recordAudit } from "../audit";
import { getSystemDb } from "../db";
import { logger } from "../logger";
import { requestMeta, type RequestMeta } from "../request-meta";
import { authenticate } from "./credentials";
import { isSessionCurrent } from "./session-state";
import { safeRedirectPath } from "./redirect-target";

/** Thrown to Auth.js for wrong credentials; `code` reaches the sign-in page as `?code=`. */
export class InvalidCredentials extends CredentialsSignin {
  override code = "invalid_credentials";
}
/** Password right, but the account needs its authenticator code (or it was wrong). */
export class TotpRequired extends CredentialsSignin {
  override code = "totp_required";
}
export class TotpInvalid extends CredentialsSignin {
  override code = "totp_invalid";
}
/** Too many attempts: distinct code so the page can say "try again later". */
export class RateLimited extends CredentialsSignin {
  override code = "rate_limited";
}

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
    /** The `user_sessions` row made at sign-in. */
    sessionId?: string;
  }
  interface Session {
    user: { id: string; email: string; name: string };
    sessionVersion: number;
    sessionId?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
    /** The session's row: signing it out on the sessions list ends this token. */
    sid?: string;
  }
}

async function currentRequestMeta(): Promise<RequestMeta> {
  try {
    const { headers } = await import("next/headers");
    return requestMeta(await headers());
  } catch {
    return { ip: null, userAgent: null };
  }
}

/** Session lifetime: two weeks, refreshed on use. Revocation is by session version, not expiry. */
const SESSION_MAX_AGE = 14 * 24 * 60 * 60;

/** The Auth.js configuration, built on first request so that `next build` needs no secrets. */
export function authConfig(): NextAuthConfig {
  const env = getEnv();
  return {
    secret: env.AUTH_SECRET,
    trustHost: true,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
    pages: { signIn: "/login", error: "/login" },
    logger: {
      error: (err) => {
        // Wrong passwords are expected; everything else is worth a line.
        if (err instanceof CredentialsSignin || (err as { type?: string }).type === "CredentialsSignin") return;
        logger.error({ err: err.message, type: (err as { type?: string }).type }, "auth error");
      },
      warn: (code) => logger.warn({ code }, "auth warning"),
      debug: () => {},
    },
    providers: [
      Credentials({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" }, code: { type: "text" } },
        async authorize(credentials, request) {
          const result = await authenticate(credentials, requestMeta(request.headers));
          if (result.ok) return result.user;
          if (result.reason === "totp_required") throw new TotpRequired();
          if (result.reason === "totp_invalid") throw new TotpInvalid();
          throw result.reason === "rate_limited" ? new RateLimited() : new InvalidCredentials();
        },
      }),
    ],
    callbacks: {
      // Only same-site destinations; APP_URL's origin counts as same-site too. Rebased on the host the
      // request came in on, so the browser stays where its cookies are.
      redirect({ url, baseUrl }) {
        if (url.startsWith("/")) return `${baseUrl}${safeRedirectPath(url, "/tenants")}`;
        try {
          const u = new URL(url);
          if (u.origin === baseUrl || u.origin === new URL(env.APP_URL).origin)
            return `${baseUrl}${safeRedirectPath(`${u.pathname}${u.search}${u.hash}`, "/tenants")}`;
        } catch {
          /* not a URL: fall through */
        }
        return `${baseUrl}/tenants`;
      },
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sv = user.sessionVersion ?? 0;
          token.sid = user.sessionId;
          return token;
        }
        if (!token.uid || typeof token.sv !== "number" || !token.sid) return null;
        // Revocation: sign-out, password change and disabling bump the user's version; one session
        // signed out on the sessions list is revoked in its row.
        return (await isSessionCurrent(token.uid, token.sv, token.sid)) ? token : null;
      },
      session({ session, token }) {
        session.user = { id: token.uid!, email: token.email ?? "", name: token.name ?? "" } as typeof session.user;
        session.sessionVersion = token.sv ?? 0;
        session.sessionId = token.sid;
        return session;
      },
    },
    events: {
      async signOut(message) {
        const token = "token" in message ? message.token : null;
        if (!token?.uid) return;
        // Signing out ends every session of the user, everywhere.
        await bumpSessionVersion(getSystemDb(), token.uid);
        // Open live streams of the user close at once, on every web instance.
        await notifyAccessChanged({ userId: token.uid, reason: "signed_out" });
        await recordAudit(
          { meta: await currentRequestMeta() },
          { action: "user.logout", tenantId: null, actor: { id: token.uid, email: token.email ?? null } },
        );
      },
    },
  };
}
