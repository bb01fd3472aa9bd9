import { can, canAssignRole } from "@aspen/core";
import { countOwnersForUpdate, getMember, removeMember, revokeInvitationsSentBy } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { appError, notFound } from "../../errors";
import { publicId, publicIdInput } from "../../public-ids";
import { tenantProcedure } from "../../trpc";

/**
 * Removes a member, or leaves the tenant when `userId` is the caller's own.
 * Needs `member.remove` for others (admins cannot remove owners); the last
 * owner can neither be removed nor leave.
 */
export const remove = tenantProcedure.input(z.object({ userId: publicIdInput("usr") })).mutation(async ({ ctx, input }) => {
  const self = input.userId === ctx.user.id;
  if (!self && !can(ctx.role, "member.remove")) {
    throw appError("FORBIDDEN", "forbidden", `Your role (${ctx.role}) does not allow this (needs member.remove). Ask an owner or admin.`);
  }
  const member = await ctx.withTenant(async (tx) => {
    const m = await getMember(tx, ctx.tenant.id, input.userId);
    if (!m) throw notFound("Member");
    if (!self && !canAssignRole(ctx.role, m.role)) {
      throw appError("FORBIDDEN", "cannot_assign_role", `Your role (${ctx.role}) cannot remove a ${m.role}; only owners manage owners`);
    }
    if (m.role === "owner" && (await countOwnersForUpdate(tx, ctx.tenant.id)) <= 1) {
      throw appError(
        "CONFLICT",
        "last_owner",
        self ? "You are the last owner: make someone else owner before leaving" : "The last owner cannot be removed",
      );
    }
    await removeMember(tx, ctx.tenant.id, m.userId);
    // Invitations a removed member sent must not let others in after them.
    const invitationsRevoked = await revokeInvitationsSentBy(tx, ctx.tenant.id, m.userId);
    return { ...m, invitationsRevoked };
  });
  await recordAudit(ctx.audit, {
    action: "member.remove",
    targetType: "user",
    targetId: publicId("usr", member.userId),
    targetName: member.email,
    details: { role: member.role, left: self, invitationsRevoked: member.invitationsRevoked },
  });
  return { userId: publicId("usr", member.userId), left: self };
});
