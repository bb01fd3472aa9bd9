import { publicId } from "@aspen/core";
import { describe, expect, it, vi } from "vitest";
import { logger } from "../logger";
import { callerAs, createRoleWorld, ensureTestEnv } from "../testing";

ensureTestEnv();

describe("invitation links", () => {
  it("with SMTP unset, the log names the invitation id and never the link or its token", async () => {
    delete process.env.SMTP_URL;
    const w = await createRoleWorld();
    const calls: unknown[] = [];
    void logger.level; // creates the process logger behind the proxy
    const instance = (globalThis as unknown as { __aspenLogger: typeof logger }).__aspenLogger;
    const spies = (["info", "warn", "error"] as const).map((level) =>
      vi.spyOn(instance, level).mockImplementation((...args: unknown[]) => void calls.push(args)),
    );
    try {
      const res = await callerAs(w.users.owner).member.invite({
        tenantSlug: w.tenant.slug,
        email: `inv-${Date.now()}@test.aspen.dev`,
        role: "viewer",
      });
      expect(res.emailed).toBe(false);
      const logged = JSON.stringify(calls);
      const token = res.inviteUrl.split("/").pop()!;
      expect(logged).toContain(res.invitation.id);
      expect(logged).not.toContain(token);
      expect(logged).not.toContain("/invite/");
    } finally {
      for (const s of spies) s.mockRestore();
    }
  });

  it("removing a member revokes the invitations they sent that are still pending", async () => {
    const w = await createRoleWorld();
    const admin = callerAs(w.users.admin);
    const sent = await admin.member.invite({ tenantSlug: w.tenant.slug, email: `late-${Date.now()}@test.aspen.dev`, role: "developer" });
    const token = sent.inviteUrl.split("/").pop()!;
    expect((await callerAs(null).invitation.byToken({ token })).state).toBe("pending");
    const ownInvite = await callerAs(w.users.owner).member.invite({
      tenantSlug: w.tenant.slug,
      email: `keep-${Date.now()}@test.aspen.dev`,
      role: "viewer",
    });

    await callerAs(w.users.owner).member.remove({ tenantSlug: w.tenant.slug, userId: publicId("usr", w.users.admin.id) });

    expect((await callerAs(null).invitation.byToken({ token })).state).toBe("revoked");
    const pending = await callerAs(w.users.owner).member.invitations({ tenantSlug: w.tenant.slug, page: 1, pageSize: 50 });
    const ids = pending.items.map((i: { id: string }) => i.id);
    expect(ids).not.toContain(sent.invitation.id);
    expect(ids).toContain(ownInvite.invitation.id);
  });
});
