import { canAssignRole } from "@aspen/core";
import { findInvitationById, invitationState, revokeInvitation as markRevoked } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { appError, notFound } from "../../errors";
import { publicId, publicIdInput } from "../../public-ids";
import { assertAllowed, auditOf, inTenant, type Scope } from "../scope";

export const revokeInvitationInput = z.object({ invitationId: publicIdInput("inv") });
export const revokeInvitationOutput = z.object({ id: z.string(), revoked: z.literal(true) });

/** Revokes a pending invitation: its link stops working. */
export async function revokeInvitation(
  scope: Scope,
  input: z.output<typeof revokeInvitationInput>,
): Promise<z.output<typeof revokeInvitationOutput>> {
  assertAllowed(scope, "member.invite");
  const inv = await inTenant(scope, (tx) => findInvitationById(tx, scope.tenant.id, input.invitationId));
  if (!inv) throw notFound("Invitation");
  if (!canAssignRole(scope.role, inv.role)) {
    throw appError("FORBIDDEN", "cannot_assign_role", `Your role (${scope.role}) cannot revoke an invitation to be ${inv.role}`);
  }
  const state = invitationState(inv);
  if (state !== "pending" || !(await inTenant(scope, (tx) => markRevoked(tx, scope.tenant.id, inv.id)))) {
    throw appError("CONFLICT", `invitation_${state}`, `This invitation is already ${state}`);
  }
  const id = publicId("inv", inv.id);
  await recordAudit(auditOf(scope), {
    action: "invitation.revoke",
    targetType: "invitation",
    targetId: id,
    targetName: inv.email,
    details: { role: inv.role },
  });
  return { id, revoked: true as const };
}
