import { findUserById } from "@aspen/db";
import { createTestUser, randomSuffix } from "@aspen/db/testing";
import { TRPCError } from "@trpc/server";
import { describe, expect, it, vi } from "vitest";
import { authenticate } from "../../auth/credentials";
import { getSystemDb } from "../../db";
import { callerAs, ensureTestEnv } from "../../testing";

ensureTestEnv();

const sent: { to: string; resetUrl: string }[] = [];
vi.mock("../../mailer", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../mailer")>()),
  sendPasswordResetMail: vi.fn(async (m: { to: string; resetUrl: string }) => {
    sent.push(m);
    return true;
  }),
}));

async function reason(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (err) {
    if (err instanceof TRPCError) return (err.cause as { reason?: string } | undefined)?.reason ?? err.code;
    throw err;
  }
}

const meta = () => ({ ip: `198.18.77.${Math.floor(Math.random() * 250) + 1}`, userAgent: "vitest" });
const tokenOf = (email: string) =>
  sent
    .filter((m) => m.to === email)
    .at(-1)!
    .resetUrl.split("/reset/")[1]!;

describe("password reset by email", () => {
  it("mails a single-use link that sets the password and ends every session", async () => {
    const u = await createTestUser(getSystemDb());
    const before = (await findUserById(getSystemDb(), u.id))!.sessionVersion;
    expect(await callerAs(null).account.requestPasswordReset({ email: u.email.toUpperCase() })).toEqual({ requested: true });
    const token = tokenOf(u.email);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    expect(await callerAs(null).account.resetPassword({ token, password: "fresh-meadow-stone-8" })).toEqual({ reset: true });
    expect((await findUserById(getSystemDb(), u.id))!.sessionVersion).toBeGreaterThan(before);
    expect((await authenticate({ email: u.email, password: "fresh-meadow-stone-8" }, meta())).ok).toBe(true);
    expect((await authenticate({ email: u.email, password: u.password }, meta())).ok).toBe(false);
    // once only
    expect(await reason(callerAs(null).account.resetPassword({ token, password: "another-meadow-stone-9" }))).toBe("reset_link_invalid");
  });

  it("answers the same for an unknown email and sends nothing", async () => {
    const email = `nobody-${randomSuffix()}@test.aspen.dev`;
    expect(await callerAs(null).account.requestPasswordReset({ email })).toEqual({ requested: true });
    expect(sent.some((m) => m.to === email)).toBe(false);
  });

  it("a newer link replaces the older one; a made-up token is refused; weak passwords are refused", async () => {
    const u = await createTestUser(getSystemDb());
    await callerAs(null).account.requestPasswordReset({ email: u.email });
    const first = tokenOf(u.email);
    await callerAs(null).account.requestPasswordReset({ email: u.email });
    const second = tokenOf(u.email);
    expect(second).not.toBe(first);
    expect(await reason(callerAs(null).account.resetPassword({ token: first, password: "fresh-meadow-stone-8" }))).toBe(
      "reset_link_invalid",
    );
    expect(await reason(callerAs(null).account.resetPassword({ token: "x".repeat(43), password: "fresh-meadow-stone-8" }))).toBe(
      "reset_link_invalid",
    );
    expect(await reason(callerAs(null).account.resetPassword({ token: second, password: "Password123!" }))).toBe("invalid_input");
    expect(await callerAs(null).account.resetPassword({ token: second, password: "fresh-meadow-stone-8" })).toEqual({ reset: true });
  });

  it("an expired link is refused", async () => {
    const u = await createTestUser(getSystemDb());
    await callerAs(null).account.requestPasswordReset({ email: u.email });
    const token = tokenOf(u.email);
    await getSystemDb().execute(
      (await import("drizzle-orm")).sql`update password_resets set expires_at = now() - interval '1 second' where user_id = ${u.id}`,
    );
    expect(await reason(callerAs(null).account.resetPassword({ token, password: "fresh-meadow-stone-8" }))).toBe("reset_link_invalid");
  });

  it("mails one address at most 3 times an hour, whoever asks", async () => {
    const u = await createTestUser(getSystemDb());
    for (let i = 0; i < 3; i++) await callerAs(null).account.requestPasswordReset({ email: u.email });
    expect(await reason(callerAs(null).account.requestPasswordReset({ email: u.email }))).toBe("rate_limited");
  });
});
