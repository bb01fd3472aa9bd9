import { canAssignRole } from "@aspen/core";
import { findInvitationById, invitationState, revokeInvitation as revoke } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { appError, notFound } from "../../errors";
import { publicId, publicIdInput } from "../../public-ids";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Revokes a pending invitation: its link stops working. */
export const revokeInvitation = tenantProcedure
  .use(requirePermission("member.invite"))
  .input(z.object({ invitationId: publicIdInput("inv") }))
  .mutation(async ({ ctx, input }) => {
    const inv = await ctx.withTenant((tx) => findInvitationById(tx, ctx.tenant.id, input.invitationId));
    if (!inv) throw notFound("Invitation");
    if (!canAssignRole(ctx.role, inv.role)) {
      throw appError("FORBIDDEN", "cannot_assign_role", `Your role (${ctx.role}) cannot revoke an invitation to be ${inv.role}`);
    }
    const state = invitationState(inv);
    if (state !== "pending" || !(await ctx.withTenant((tx) => revoke(tx, ctx.tenant.id, inv.id)))) {
      throw appError("CONFLICT", `invitation_${state}`, `This invitation is already ${state}`);
    }
    const id = publicId("inv", inv.id);
    await recordAudit(ctx.audit, { action: "invitation.revoke", targetType: "invitation", targetId: id, targetName: inv.email, details: { role: inv.role } });
    return { id, revoked: true as const };
  });
