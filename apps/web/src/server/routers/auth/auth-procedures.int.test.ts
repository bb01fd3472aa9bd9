import { findUserByEmail } from "@aspen/db";
import { createTestUser, randomSuffix } from "@aspen/db/testing";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { getSystemDb } from "../../db";
import { callerAs, ensureTestEnv } from "../../testing";

ensureTestEnv();

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    if (err instanceof TRPCError)
      return { code: err.code, reason: (err.cause as { reason?: string } | undefined)?.reason, message: err.message };
    throw err;
  }
  throw new Error("expected the call to be refused");
}

describe("auth procedures", () => {
  it("signup normalises the email, hashes with argon2id and reports a taken email", async () => {
    const email = `New-${randomSuffix()}@Test.Aspen.Dev`;
    const { user } = await callerAs(null).auth.signup({ email, name: " Ada ", password: "correct-horse-9" });
    expect(user.email).toBe(email.toLowerCase());
    expect(user.name).toBe("Ada");
    expect(user.id).toMatch(/^usr_/);
    const row = await findUserByEmail(getSystemDb(), email);
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(
      await refusal(callerAs(null).auth.signup({ email: email.toUpperCase(), name: "Eve", password: "correct-horse-9" })),
    ).toMatchObject({
      code: "CONFLICT",
      reason: "email_taken",
    });
  });

  it("signup explains a weak password", async () => {
    const r = await refusal(callerAs(null).auth.signup({ email: `w-${randomSuffix()}@test.aspen.dev`, name: "W", password: "short" }));
    expect(r.code).toBe("BAD_REQUEST");
    expect(r.message).toMatch(/^password: /);
  });

  it("me, setLocale", async () => {
    const u = await createTestUser(getSystemDb());
    const me = callerAs(u);
    expect(await me.auth.me()).toMatchObject({ email: u.email, locale: null });
    await me.auth.setLocale({ locale: "zh-CN" });
    expect((await me.auth.me()).locale).toBe("zh-CN");
    expect((await refusal(me.auth.setLocale({ locale: "fr" as "en" }))).code).toBe("BAD_REQUEST");
  });

  it("changePassword needs the current password and applies the policy to the new one", async () => {
    const u = await createTestUser(getSystemDb());
    const me = callerAs(u);
    expect(await refusal(me.auth.changePassword({ current: "wrong-password-1", next: "fine-password-2" }))).toMatchObject({
      code: "BAD_REQUEST",
      reason: "wrong_password",
    });
    expect((await refusal(me.auth.changePassword({ current: u.password, next: "short" }))).code).toBe("BAD_REQUEST");
    expect(await me.auth.changePassword({ current: u.password, next: "fine-password-2" })).toEqual({ signedOut: true });
  });
});
