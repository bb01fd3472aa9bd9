import { bumpSessionVersion, createUserSession } from "@aspen/db";
import { createTestUser, type TestUser } from "@aspen/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { isSessionCurrent } from "../../auth/session-state";
import { getSystemDb } from "../../db";
import { publicId } from "../../public-ids";
import { callerAs, codeOf, ensureTestEnv } from "../../testing";

ensureTestEnv();

const chromeMac = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const safariPhone =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

const signIn = (user: TestUser, userAgent: string | null, ip = "203.0.113.7") =>
  createUserSession(getSystemDb(), { userId: user.id, sessionVersion: 0, ip, userAgent });

let ana: TestUser;
let bo: TestUser;
beforeAll(async () => {
  [ana, bo] = await Promise.all([createTestUser(getSystemDb()), createTestUser(getSystemDb())]);
});

describe("session.list / session.revoke", () => {
  it("lists only the caller's own active sessions, with browser, system, device and this session marked", async () => {
    const laptop = await signIn(ana, chromeMac);
    const phone = await signIn(ana, safariPhone, "198.51.100.2");
    const bos = await signIn(bo, chromeMac);
    const list = await callerAs(ana, undefined, laptop).session.list({});
    expect(list.items.map((s) => s.id).sort()).toEqual([publicId("ses", laptop), publicId("ses", phone)].sort());
    const mine = list.items.find((s) => s.id === publicId("ses", laptop));
    expect(mine).toMatchObject({
      browser: "Chrome 131",
      os: expect.stringMatching(/^macOS/),
      device: "desktop",
      ip: "203.0.113.7",
      current: true,
    });
    expect(list.items.find((s) => s.id === publicId("ses", phone))).toMatchObject({
      browser: "Safari 17",
      os: expect.stringMatching(/^iOS 17/),
      device: "mobile",
      ip: "198.51.100.2",
      current: false,
    });
    const bosList = await callerAs(bo, undefined, bos).session.list({});
    expect(bosList.items.map((s) => s.id)).toEqual([publicId("ses", bos)]);
  });

  it("refuses to revoke another user's session (NOT_FOUND) and that session stays valid", async () => {
    const anas = await signIn(ana, chromeMac);
    const bos = await signIn(bo, chromeMac);
    expect(await codeOf(callerAs(bo, undefined, bos).session.revoke({ id: publicId("ses", anas) }))).toBe("NOT_FOUND");
    expect(await isSessionCurrent(ana.id, 0, anas)).toBe(true);
    expect(await codeOf(callerAs(null).session.revoke({ id: publicId("ses", anas) }))).toBe("UNAUTHORIZED");
    expect(await codeOf(callerAs(null).session.list({}))).toBe("UNAUTHORIZED");
  });

  it("revoking one session ends only that one, at its next check", async () => {
    const here = await signIn(ana, chromeMac);
    const there = await signIn(ana, safariPhone);
    const k = callerAs(ana, undefined, here);
    expect(await k.session.revoke({ id: publicId("ses", there) })).toEqual({ revoked: true, current: false });
    expect(await isSessionCurrent(ana.id, 0, there)).toBe(false);
    expect(await isSessionCurrent(ana.id, 0, here)).toBe(true);
    expect((await k.session.list({})).items.map((s) => s.id)).not.toContain(publicId("ses", there));
    // Once is enough: a second revoke finds nothing to end.
    expect(await codeOf(k.session.revoke({ id: publicId("ses", there) }))).toBe("NOT_FOUND");
    expect(await codeOf(k.session.revoke({ id: "dev_1111111111111111111111" }))).toBe("BAD_REQUEST");
  });

  it("a made-up session id is not a session, and sign-out everywhere ends (and unlists) them all", async () => {
    const user = await createTestUser(getSystemDb());
    const a = await signIn(user, chromeMac);
    const b = await signIn(user, null);
    expect(await isSessionCurrent(user.id, 0, "00000000-0000-4000-8000-000000000000")).toBe(false);
    expect(await isSessionCurrent(user.id, 0, "not-a-uuid")).toBe(false);
    expect((await callerAs(user, undefined, a).session.list({})).items.find((s) => s.id === publicId("ses", b))).toMatchObject({
      browser: null,
      os: null,
      device: "unknown",
    });
    await bumpSessionVersion(getSystemDb(), user.id);
    expect(await isSessionCurrent(user.id, 1, a)).toBe(false);
    expect(await isSessionCurrent(user.id, 0, a)).toBe(false);
    expect((await callerAs(user, undefined, a).session.list({})).items).toEqual([]);
  });
});
