import { canAssignRole } from "@aspen/core";
import { getMember, removeMember as deleteMembership, revokeInvitationsSentBy } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { notifyAccessChanged } from "../../live/access";
import { appError, notFound } from "../../errors";
import { publicId, publicIdInput } from "../../public-ids";
import { assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { assertKeepsAnOwner } from "./last-owner";

export const removeMemberInput = z.object({ userId: publicIdInput("usr") });
export const removeMemberOutput = z.object({ userId: z.string(), left: z.boolean() });

/**
 * Removes a member, or leaves the tenant when `userId` is the signed-in user's own. Needs
 * `member.remove` for others (admins cannot remove owners); the last owner can neither be removed
 * nor leave. The pending invitations the member sent are revoked with them.
 */
export async function removeMember(scope: Scope, input: z.output<typeof removeMemberInput>): Promise<z.output<typeof removeMemberOutput>> {
  const self = scope.actor.kind === "user" && input.userId === scope.actor.id;
  if (!self) assertAllowed(scope, "member.remove");
  const member = await inTenant(scope, async (tx) => {
    const m = await getMember(tx, scope.tenant.id, input.userId);
    if (!m) throw notFound("Member");
    if (!self && !canAssignRole(scope.role, m.role)) {
      throw appError("FORBIDDEN", "cannot_assign_role", `Your role (${scope.role}) cannot remove a ${m.role}; only owners manage owners`);
    }
    await assertKeepsAnOwner(
      tx,
      scope.tenant.id,
      { from: m.role, to: null },
      self ? "You are the last owner: make someone else owner before leaving" : "The last owner cannot be removed",
    );
    await deleteMembership(tx, scope.tenant.id, m.userId);
    // Invitations a removed member sent must not let others in after them.
    const invitationsRevoked = await revokeInvitationsSentBy(tx, scope.tenant.id, m.userId);
    return { ...m, invitationsRevoked };
  });
  // The removed member's open live streams of this tenant close at once, on every web instance.
  await notifyAccessChanged({ userId: member.userId, tenantId: scope.tenant.id, reason: "member_removed" });
  await recordAudit(auditOf(scope), {
    action: "member.remove",
    targetType: "user",
    targetId: publicId("usr", member.userId),
    targetName: member.email,
    details: { role: member.role, left: self, invitationsRevoked: member.invitationsRevoked },
  });
  return { userId: publicId("usr", member.userId), left: self };
}
