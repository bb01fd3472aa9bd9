import { publicId } from "@aspen/core";
import { addTestMember, createTestUser, randomSuffix } from "@aspen/db/testing";
import { TRPCError } from "@trpc/server";
import { beforeEach, describe, expect, it } from "vitest";
import { getSystemDb } from "../../db";
import { callerAs, createRoleWorld, ensureTestEnv, type RoleWorld } from "../../testing";

ensureTestEnv();

async function refusal(p: Promise<unknown>): Promise<{ code: string; reason?: string }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof TRPCError) return { code: err.code, reason: (err.cause as { reason?: string } | undefined)?.reason };
    throw err;
  }
  throw new Error("expected the call to be refused");
}

let w: RoleWorld;
let slug: string;
const uid = (u: { id: string }) => publicId("usr", u.id);

beforeEach(async () => {
  w = await createRoleWorld();
  slug = w.tenant.slug;
});

describe("members", () => {
  it("lists members with roles and marks the caller", async () => {
    const page = await callerAs(w.users.viewer).member.list({ tenantSlug: slug, page: 1, pageSize: 10 });
    expect(page.total).toBe(4);
    expect(page.items.map((m) => m.role).sort()).toEqual(["admin", "developer", "owner", "viewer"]);
    expect(page.items.find((m) => m.isSelf)?.email).toBe(w.users.viewer.email);
    expect(page.items.every((m) => m.userId.startsWith("usr_"))).toBe(true);
  });

  it("paginates", async () => {
    const p2 = await callerAs(w.users.owner).member.list({ tenantSlug: slug, page: 2, pageSize: 3 });
    expect(p2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(p2.items).toHaveLength(1);
  });

  it("the last owner can be neither demoted nor removed, nor leave", async () => {
    const owner = callerAs(w.users.owner);
    expect(await refusal(owner.member.changeRole({ tenantSlug: slug, userId: uid(w.users.owner), role: "admin" }))).toEqual({
      code: "CONFLICT",
      reason: "last_owner",
    });
    expect((await refusal(owner.member.remove({ tenantSlug: slug, userId: uid(w.users.owner) }))).reason).toBe("last_owner");
  });

  it("with a second owner, an owner may step down", async () => {
    const owner = callerAs(w.users.owner);
    await owner.member.changeRole({ tenantSlug: slug, userId: uid(w.users.admin), role: "owner" });
    await owner.member.changeRole({ tenantSlug: slug, userId: uid(w.users.owner), role: "developer" });
    const t = await callerAs(w.users.owner).tenant.bySlug({ tenantSlug: slug });
    expect(t.role).toBe("developer");
  });

  it("admins cannot touch owners or grant owner", async () => {
    const admin = callerAs(w.users.admin);
    expect((await refusal(admin.member.changeRole({ tenantSlug: slug, userId: uid(w.users.viewer), role: "owner" }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await refusal(admin.member.changeRole({ tenantSlug: slug, userId: uid(w.users.owner), role: "viewer" }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await refusal(admin.member.remove({ tenantSlug: slug, userId: uid(w.users.owner) }))).code).toBe("FORBIDDEN");
    expect(
      (await refusal(admin.member.invite({ tenantSlug: slug, email: `o-${randomSuffix()}@test.aspen.dev`, role: "owner" }))).code,
    ).toBe("FORBIDDEN");
    // …but manage everyone else.
    await admin.member.changeRole({ tenantSlug: slug, userId: uid(w.users.viewer), role: "developer" });
    await admin.member.remove({ tenantSlug: slug, userId: uid(w.users.developer) });
  });

  it("any member can leave; afterwards the tenant is NOT_FOUND to them", async () => {
    const viewer = callerAs(w.users.viewer);
    const res = await viewer.member.remove({ tenantSlug: slug, userId: uid(w.users.viewer) });
    expect(res.left).toBe(true);
    expect((await refusal(viewer.tenant.bySlug({ tenantSlug: slug }))).code).toBe("NOT_FOUND");
  });

  it("a user of another tenant is NOT_FOUND as a member here", async () => {
    expect((await refusal(callerAs(w.users.owner).member.remove({ tenantSlug: slug, userId: uid(w.outsider) }))).code).toBe("NOT_FOUND");
  });

  it("rejects ids of the wrong kind with a clear message", async () => {
    const r = await refusal(callerAs(w.users.owner).member.remove({ tenantSlug: slug, userId: publicId("dev", w.users.viewer.id) }));
    expect(r.code).toBe("BAD_REQUEST");
  });
});

describe("invitations", () => {
  it("invite → link → byToken → accept as the invited email, with the invited role, once", async () => {
    const invitee = await createTestUser(getSystemDb());
    const owner = callerAs(w.users.owner);
    const res = await owner.member.invite({ tenantSlug: slug, email: invitee.email.toUpperCase(), role: "developer" });
    expect(res.emailed).toBe(false);
    expect(res.invitation.email).toBe(invitee.email);
    const token = new URL(res.inviteUrl).pathname.split("/").pop()!;
    expect(res.inviteUrl).toMatch(/^http:\/\/localhost:3000\/invite\//);

    const pending = await owner.member.invitations({ tenantSlug: slug, page: 1, pageSize: 20 });
    expect(pending.items.map((i) => i.id)).toContain(res.invitation.id);

    const info = await callerAs(null).invitation.byToken({ token });
    expect(info).toMatchObject({ tenantName: w.tenant.name, tenantSlug: slug, role: "developer", email: invitee.email, state: "pending" });

    // Someone else signed in cannot use it.
    const stranger = await refusal(callerAs(w.outsider).invitation.accept({ token }));
    expect(stranger).toEqual({ code: "FORBIDDEN", reason: "email_mismatch" });

    const accepted = await callerAs(invitee).invitation.accept({ token });
    expect(accepted).toMatchObject({ tenantSlug: slug, role: "developer" });
    const t = await callerAs(invitee).tenant.bySlug({ tenantSlug: slug });
    expect(t.role).toBe("developer");

    expect((await refusal(callerAs(invitee).invitation.accept({ token }))).reason).toBe("invitation_accepted");
    expect((await callerAs(null).invitation.byToken({ token })).state).toBe("accepted");
    const after = await owner.member.invitations({ tenantSlug: slug, page: 1, pageSize: 20 });
    expect(after.items.map((i) => i.id)).not.toContain(res.invitation.id);
  });

  it("a revoked invitation cannot be accepted", async () => {
    const invitee = await createTestUser(getSystemDb());
    const owner = callerAs(w.users.owner);
    const res = await owner.member.invite({ tenantSlug: slug, email: invitee.email, role: "viewer" });
    await owner.member.revokeInvitation({ tenantSlug: slug, invitationId: res.invitation.id });
    const token = res.inviteUrl.split("/").pop()!;
    expect((await refusal(callerAs(invitee).invitation.accept({ token }))).reason).toBe("invitation_revoked");
    expect((await refusal(owner.member.revokeInvitation({ tenantSlug: slug, invitationId: res.invitation.id }))).code).toBe("CONFLICT");
  });

  it("an expired invitation cannot be accepted", async () => {
    const invitee = await createTestUser(getSystemDb());
    const res = await callerAs(w.users.owner).member.invite({ tenantSlug: slug, email: invitee.email, role: "viewer" });
    const { sql } = await import("drizzle-orm");
    await getSystemDb().execute(sql`update invitations set expires_at = now() - interval '1 minute' where email = ${invitee.email}`);
    const token = res.inviteUrl.split("/").pop()!;
    expect((await callerAs(null).invitation.byToken({ token })).state).toBe("expired");
    expect((await refusal(callerAs(invitee).invitation.accept({ token }))).reason).toBe("invitation_expired");
  });

  it("an existing member is not invited twice", async () => {
    const r = await refusal(callerAs(w.users.owner).member.invite({ tenantSlug: slug, email: w.users.viewer.email, role: "admin" }));
    expect(r).toEqual({ code: "CONFLICT", reason: "already_member" });
  });

  it("accepting never downgrades an existing member", async () => {
    const u = await createTestUser(getSystemDb());
    const owner = callerAs(w.users.owner);
    const res = await owner.member.invite({ tenantSlug: slug, email: u.email, role: "viewer" });
    await addTestMember(getSystemDb(), w.tenant.id, u.id, "admin");
    const out = await callerAs(u).invitation.accept({ token: res.inviteUrl.split("/").pop()! });
    expect(out.role).toBe("admin");
  });

  it("an unknown token is NOT_FOUND", async () => {
    expect((await refusal(callerAs(null).invitation.byToken({ token: "y".repeat(43) }))).code).toBe("NOT_FOUND");
  });
});
