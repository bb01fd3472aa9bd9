import { parsePublicId } from "@aspen/core";
import { createTestUser } from "@aspen/db/testing";
import { TRPCError } from "@trpc/server";
import { describe, expect, it, vi } from "vitest";
import { getSystemDb } from "../../db";
import { callerAs, createRoleWorld, ensureTestEnv } from "../../testing";

// Mail "configured" for this file (nothing listens: the mailer is replaced below), before the env is read.
process.env.SMTP_URL = "smtp://127.0.0.1:9";
ensureTestEnv();

const sent: { to: string; verifyUrl: string }[] = [];
vi.mock("../../mailer", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../mailer")>()),
  sendVerificationMail: vi.fn(async (m: { to: string; verifyUrl: string }) => {
    sent.push(m);
    return true;
  }),
  sendInvitationMail: vi.fn(async () => true),
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
const tokenOf = (email: string) =>
  sent
    .filter((m) => m.to === email)
    .at(-1)!
    .verifyUrl.split("/verify/")[1]!;

describe("email verification", () => {
  it("sign-up mails a link; an unverified account cannot accept an invitation; after verifying it can", async () => {
    const w = await createRoleWorld();
    const email = `invitee-${Date.now()}@test.aspen.dev`;
    const invite = await callerAs(w.users.owner).member.invite({ tenantSlug: w.tenant.slug, email, role: "viewer" });
    const token = invite.inviteUrl.split("/invite/")[1]!;

    // Someone holding the link signs up as the invited address...
    const { user } = await callerAs(null).auth.signup({ email, name: "Holder", password: "copper-kettle-song-3" });
    const asNew = callerAs({ id: parsePublicId("usr", user.id)!, email, name: "Holder" });
    // ...but cannot join without proving they read that inbox.
    expect(await reason(asNew.invitation.accept({ token }))).toBe("email_unverified");

    expect(await callerAs(null).account.verifyEmail({ token: tokenOf(email) })).toEqual({ email });
    expect(await asNew.invitation.accept({ token })).toMatchObject({ tenantSlug: w.tenant.slug, role: "viewer" });
  });

  it("a link works once; a made-up one is refused; a verified user is not mailed again", async () => {
    const u = await createTestUser(getSystemDb());
    const me = callerAs(u);
    expect(await me.account.requestEmailVerification()).toEqual({ sent: true, verified: false });
    const t = tokenOf(u.email);
    expect(await callerAs(null).account.verifyEmail({ token: t })).toEqual({ email: u.email });
    expect(await reason(callerAs(null).account.verifyEmail({ token: t }))).toBe("verification_link_invalid");
    expect(await reason(callerAs(null).account.verifyEmail({ token: "y".repeat(43) }))).toBe("verification_link_invalid");
    expect(await me.account.requestEmailVerification()).toEqual({ sent: false, verified: true });
  });
});
