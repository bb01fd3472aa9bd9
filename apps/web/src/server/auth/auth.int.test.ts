import { publicId } from "@aspen/core";
import { createUserSession, findUserById, setUserDisabled } from "@aspen/db";
import { createTestUser, randomSuffix, type TestUser } from "@aspen/db/testing";
import { sql } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { getSystemDb } from "../db";
import { getRedis } from "../redis";
import { callerAs, ensureTestEnv } from "../testing";
import { authenticate } from "./credentials";
import { handlers } from "./index";
import { defaultLoginLimits, LoginRateLimiter } from "./rate-limit";

ensureTestEnv();

const BASE = "http://localhost:3000";
const SESSION_COOKIE = "authjs.session-token";

/** Cookie jar for talking to the Auth.js route handlers like a browser would. */
class Browser {
  cookies = new Map<string, string>();
  constructor(readonly ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}`) {}
  private header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  private absorb(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      const name = pair!.slice(0, i);
      const value = pair!.slice(i + 1);
      if (value === "" || /max-age=0/i.test(c) || /expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  async get(path: string) {
    const res = await handlers.GET(new NextRequest(`${BASE}${path}`, { headers: { cookie: this.header(), "x-forwarded-for": this.ip } }));
    this.absorb(res);
    return res;
  }
  async post(path: string, form: Record<string, string>) {
    const res = await handlers.POST(
      new NextRequest(`${BASE}${path}`, {
        method: "POST",
        headers: { cookie: this.header(), "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": this.ip },
        body: new URLSearchParams(form).toString(),
      }),
    );
    this.absorb(res);
    return res;
  }
  async csrf() {
    const res = await this.get("/api/auth/csrf");
    return ((await res.json()) as { csrfToken: string }).csrfToken;
  }
  async signIn(email: string, password: string) {
    const csrfToken = await this.csrf();
    return this.post("/api/auth/callback/credentials", { email, password, csrfToken, callbackUrl: `${BASE}/tenants` });
  }
  async signOut() {
    const csrfToken = await this.csrf();
    return this.post("/api/auth/signout", { csrfToken, callbackUrl: `${BASE}/login` });
  }
  async session(): Promise<{ user?: { id: string; email: string } } | null> {
    const res = await this.get("/api/auth/session");
    return (await res.json()) as { user?: { id: string; email: string } } | null;
  }
  get token() {
    return this.cookies.get(SESSION_COOKIE);
  }
}

let user: TestUser;
beforeAll(async () => {
  user = await createTestUser(getSystemDb());
});

describe("sign-in through the Auth.js route handlers", () => {
  it("signs in with the right password and the session names the user", async () => {
    const b = new Browser();
    const res = await b.signIn(user.email, user.password);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`${BASE}/tenants`);
    expect(b.token).toBeTruthy();
    const s = await b.session();
    expect(s?.user?.id).toBe(user.id);
    expect(s?.user?.email).toBe(user.email);
  });

  it("is case-insensitive in the email", async () => {
    const b = new Browser();
    await b.signIn(user.email.toUpperCase(), user.password);
    expect((await b.session())?.user?.id).toBe(user.id);
  });

  it("wrong password and unknown email get the same error and no session", async () => {
    const b1 = new Browser();
    const wrong = await b1.signIn(user.email, "not-the-password-1");
    const b2 = new Browser();
    const unknown = await b2.signIn(`nobody-${randomSuffix()}@test.aspen.dev`, "whatever-pass-1");
    for (const [res, b] of [
      [wrong, b1],
      [unknown, b2],
    ] as const) {
      expect(res.status).toBe(302);
      const loc = new URL(res.headers.get("location")!);
      expect(loc.pathname).toBe("/login");
      expect(loc.searchParams.get("error")).toBe("CredentialsSignin");
      expect(loc.searchParams.get("code")).toBe("invalid_credentials");
      expect(b.token).toBeUndefined();
      expect(await b.session()).toBeNull();
    }
  });
});

describe("session revocation", () => {
  it("sign-out ends every session of the user, not just this one", async () => {
    const u = await createTestUser(getSystemDb());
    const laptop = new Browser();
    const phone = new Browser();
    await laptop.signIn(u.email, u.password);
    await phone.signIn(u.email, u.password);
    const oldPhoneCookie = phone.token!;
    expect((await phone.session())?.user?.id).toBe(u.id);

    await laptop.signOut();
    expect(await laptop.session()).toBeNull();
    expect(await phone.session()).toBeNull();
    // Replaying the old cookie does not help either.
    const replay = new Browser();
    replay.cookies.set(SESSION_COOKIE, oldPhoneCookie);
    expect(await replay.session()).toBeNull();
    const row = await findUserById(getSystemDb(), u.id);
    expect(row!.sessionVersion).toBe(1);
  });

  it("signOutEverywhere rejects a session with the old version", async () => {
    const u = await createTestUser(getSystemDb());
    const b = new Browser();
    await b.signIn(u.email, u.password);
    expect((await b.session())?.user?.id).toBe(u.id);
    await callerAs(u).auth.signOutEverywhere();
    expect(await b.session()).toBeNull();
    // A fresh sign-in works again.
    const again = new Browser();
    await again.signIn(u.email, u.password);
    expect((await again.session())?.user?.id).toBe(u.id);
  });

  it("changing the password ends existing sessions; the new password works, the old one does not", async () => {
    const u = await createTestUser(getSystemDb());
    const b = new Browser();
    await b.signIn(u.email, u.password);
    await callerAs(u).auth.changePassword({ current: u.password, next: "a-brand-new-pass-42" });
    expect(await b.session()).toBeNull();
    const old = new Browser();
    await old.signIn(u.email, u.password);
    expect(await old.session()).toBeNull();
    const fresh = new Browser();
    await fresh.signIn(u.email, "a-brand-new-pass-42");
    expect((await fresh.session())?.user?.id).toBe(u.id);
  });

  it("disabling a user ends their sessions within the cache window (≤ 2 s) and refuses new sign-ins", async () => {
    const u = await createTestUser(getSystemDb());
    const b = new Browser();
    await b.signIn(u.email, u.password);
    expect((await b.session())?.user?.id).toBe(u.id);
    await setUserDisabled(getSystemDb(), u.id, true);
    await new Promise((r) => setTimeout(r, 2100));
    expect(await b.session()).toBeNull();
    const again = new Browser();
    const res = await again.signIn(u.email, u.password);
    expect(new URL(res.headers.get("location")!).searchParams.get("code")).toBe("invalid_credentials");
    expect(await again.session()).toBeNull();
  });

  it("a JWT minted with an outdated session version is rejected; the current version is accepted", async () => {
    const u = await createTestUser(getSystemDb());
    const before = await createUserSession(getSystemDb(), { userId: u.id, sessionVersion: 0, ip: null, userAgent: null });
    await callerAs(u).auth.signOutEverywhere(); // version 0 -> 1
    const after = await createUserSession(getSystemDb(), { userId: u.id, sessionVersion: 1, ip: null, userAgent: null });
    const mint = (sv: number, sid?: string) =>
      encode({
        token: { uid: u.id, sv, sid, email: u.email, name: u.name, sub: u.id },
        secret: process.env.AUTH_SECRET!,
        salt: SESSION_COOKIE,
      });
    const stale = new Browser();
    stale.cookies.set(SESSION_COOKIE, await mint(0, before));
    expect(await stale.session()).toBeNull();
    const current = new Browser();
    current.cookies.set(SESSION_COOKIE, await mint(1, after));
    expect((await current.session())?.user?.id).toBe(u.id);
    // The right version is not enough: the token must name a live session row of this user.
    for (const sid of [undefined, before, "00000000-0000-4000-8000-000000000000"]) {
      const forged = new Browser();
      forged.cookies.set(SESSION_COOKIE, await mint(1, sid));
      expect(await forged.session()).toBeNull();
    }
  });

  it("signing one session out on the sessions list ends it at its next request; the other session stays", async () => {
    const u = await createTestUser(getSystemDb());
    const laptop = new Browser();
    const phone = new Browser();
    await laptop.signIn(u.email, u.password);
    await phone.signIn(u.email, u.password);
    const mine = (await laptop.session()) as { sessionId?: string } | null;
    const theirs = (await phone.session()) as { sessionId?: string } | null;
    expect(mine?.sessionId).toBeTruthy();
    expect(theirs?.sessionId).toBeTruthy();
    const [mineId, theirsId] = [String(mine?.sessionId), String(theirs?.sessionId)];
    const k = callerAs(u, undefined, mineId);
    const listed = await k.session.list({});
    expect(listed.items).toHaveLength(2);
    expect(listed.items.filter((s) => s.current).map((s) => s.id)).toEqual([publicId("ses", mineId)]);
    await k.session.revoke({ id: publicId("ses", theirsId) });
    expect(await phone.session()).toBeNull();
    expect((await laptop.session())?.user?.id).toBe(u.id);
  });
});

describe("login rate limiting", () => {
  it("failures from elsewhere never lock the owner out: the right password passes from a known address", async () => {
    const u = await createTestUser(getSystemDb());
    const home = { ip: `192.0.2.${Math.floor(Math.random() * 250) + 1}`, userAgent: "vitest" };
    expect((await authenticate({ email: u.email, password: u.password }, home)).ok).toBe(true);
    // An attacker spends far more than the old per-email budget of 10, from many addresses.
    const results = [];
    for (let i = 0; i < 30; i++) {
      results.push(await authenticate({ email: u.email, password: `wrong-${i}-pass` }, { ip: `198.51.100.${i + 1}`, userAgent: "x" }));
    }
    expect(results.filter((r) => !r.ok && r.reason === "rate_limited").length).toBeGreaterThan(0);
    const owner = await authenticate({ email: u.email, password: u.password }, home);
    expect(owner.ok).toBe(true);
  });

  it("delays grow with failures and refuse unknown addresses without checking the password", async () => {
    const limits = { ...defaultLoginLimits, freeFailures: 2, baseDelaySeconds: 1, maxDelaySeconds: 2 };
    const limiter = new LoginRateLimiter(getRedis(), limits, `test:${randomSuffix()}`);
    const u = await createTestUser(getSystemDb());
    const meta = { ip: `192.0.2.${Math.floor(Math.random() * 250) + 1}`, userAgent: "vitest" };
    for (let i = 0; i < 2; i++)
      expect(await authenticate({ email: u.email, password: "wrong-pass-1" }, meta, { limiter })).toEqual({
        ok: false,
        reason: "invalid_credentials",
      });
    // After the free failures the account waits: even the right password from a new address is refused until the delay passed.
    const early = await authenticate({ email: u.email, password: u.password }, meta, { limiter });
    expect(!early.ok && early.reason).toBe("rate_limited");
    expect(!early.ok && early.retryAfterSeconds).toBeLessThanOrEqual(1);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await authenticate({ email: u.email, password: u.password }, meta, { limiter })).ok).toBe(true);
  });

  it("parallel guesses cannot all slip through the free failures", async () => {
    const limiter = new LoginRateLimiter(
      getRedis(),
      { ...defaultLoginLimits, freeFailures: 3, maxDelaySeconds: 30 },
      `test:${randomSuffix()}`,
    );
    const u = await createTestUser(getSystemDb());
    const tries = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        authenticate({ email: u.email, password: `guess-${i}-pass` }, { ip: `203.0.113.${i + 1}`, userAgent: "x" }, { limiter }),
      ),
    );
    expect(tries.filter((r) => !r.ok && r.reason === "invalid_credentials").length).toBe(3);
    expect(tries.filter((r) => !r.ok && r.reason === "rate_limited").length).toBe(17);
  });

  it("caps the audit rows refused attempts write, per email", async () => {
    const limiter = new LoginRateLimiter(getRedis(), { ...defaultLoginLimits, auditRowsPerKey: 3 }, `test:${randomSuffix()}`);
    const email = `nobody-${randomSuffix()}@test.aspen.dev`;
    for (let i = 0; i < 12; i++)
      await authenticate({ email, password: "whatever-pass-1" }, { ip: `203.0.113.${i + 1}`, userAgent: "x" }, { limiter });
    const rows = await getSystemDb().execute(sql`select count(*)::int as n from audit_logs where actor_email = ${email}`);
    expect((rows as unknown as { n: number }[])[0]!.n).toBe(3);
  });

  it("the sign-in page gets a distinct code when rate-limited", async () => {
    const u = await createTestUser(getSystemDb());
    const b = new Browser();
    for (let i = 0; i < 10; i++) await b.signIn(u.email, `wrong-${i}-pass`);
    const res = await b.signIn(u.email, u.password);
    expect(new URL(res.headers.get("location")!).searchParams.get("code")).toBe("rate_limited");
    expect(await b.session()).toBeNull();
  });

  it("limits one IP trying many emails", async () => {
    const limiter = new LoginRateLimiter(getRedis(), { ...defaultLoginLimits, perIp: 3, windowSeconds: 60 }, `test:${randomSuffix()}`);
    const meta = { ip: "192.0.2.77", userAgent: "vitest" };
    for (let i = 0; i < 3; i++) {
      const r = await authenticate({ email: `nobody-${i}-${randomSuffix()}@test.aspen.dev`, password: "whatever-pass-1" }, meta, {
        limiter,
      });
      expect(!r.ok && r.reason).toBe("invalid_credentials");
    }
    const r = await authenticate({ email: user.email, password: user.password }, meta, { limiter });
    expect(!r.ok && r.reason).toBe("rate_limited");
    // Another IP is unaffected.
    const other = await authenticate({ email: user.email, password: user.password }, { ...meta, ip: "192.0.2.78" }, { limiter });
    expect(other.ok).toBe(true);
  });

  it("a successful sign-in clears the email's failure count", async () => {
    const u = await createTestUser(getSystemDb());
    const limiter = new LoginRateLimiter(
      getRedis(),
      { ...defaultLoginLimits, freeFailures: 3, perIp: 100, windowSeconds: 60 },
      `test:${randomSuffix()}`,
    );
    const meta = { ip: "192.0.2.90", userAgent: "vitest" };
    await authenticate({ email: u.email, password: "wrong-pass-1" }, meta, { limiter });
    await authenticate({ email: u.email, password: "wrong-pass-2" }, meta, { limiter });
    expect((await authenticate({ email: u.email, password: u.password }, meta, { limiter })).ok).toBe(true);
    await authenticate({ email: u.email, password: "wrong-pass-3" }, meta, { limiter });
    await authenticate({ email: u.email, password: "wrong-pass-4" }, meta, { limiter });
    expect((await authenticate({ email: u.email, password: u.password }, meta, { limiter })).ok).toBe(true);
  });
});
