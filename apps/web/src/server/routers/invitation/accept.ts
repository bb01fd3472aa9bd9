import { roleRank } from "@aspen/core";
import {
  addMembership,
  findInvitationByTokenHash,
  getMembership,
  invitationState,
  markInvitationAccepted,
  normalizeEmail,
  setMemberRole,
  withTenant,
  type InvitationState,
} from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { appError, notFound } from "../../errors";
import { publicId } from "../../public-ids";
import { authedProcedure } from "../../trpc";
import { tokenInput } from "./byToken";
import { hashInvitationToken } from "./_token";

const refusals: Record<Exclude<InvitationState, "pending">, string> = {
  accepted: "This invitation has already been used. Ask for a new one if you still need access.",
  revoked: "This invitation was revoked. Ask the tenant's admins for a new one.",
  expired: "This invitation has expired. Ask the tenant's admins for a new one.",
};

/**
 * Accepts an invitation for the signed-in user, whose email must match it
 * (case-insensitive). Single use. An existing member keeps the stronger of
 * their role and the invited one.
 */
export const accept = authedProcedure.input(z.object({ token: tokenInput })).mutation(async ({ ctx, input }) => {
  const inv = await findInvitationByTokenHash(ctx.systemDb, hashInvitationToken(input.token));
  if (!inv) throw notFound("Invitation");
  const state = invitationState(inv);
  if (state !== "pending") throw appError("BAD_REQUEST", `invitation_${state}`, refusals[state]);
  if (normalizeEmail(ctx.user.email) !== normalizeEmail(inv.email)) {
    throw appError(
      "FORBIDDEN",
      "email_mismatch",
      `This invitation is for ${inv.email}, but you are signed in as ${ctx.user.email}. Sign in with that account to accept it.`,
    );
  }
  const role = await withTenant(ctx.db, inv.tenantId, async (tx) => {
    if (!(await markInvitationAccepted(tx, inv.id, ctx.user.id))) {
      throw appError("BAD_REQUEST", "invitation_accepted", refusals.accepted);
    }
    const current = await getMembership(tx, inv.tenantId, ctx.user.id);
    if (!current) return addMembership(tx, { tenantId: inv.tenantId, userId: ctx.user.id, role: inv.role });
    if (roleRank(inv.role) > roleRank(current.role)) {
      await setMemberRole(tx, inv.tenantId, ctx.user.id, inv.role);
      return inv.role;
    }
    return current.role;
  });
  await recordAudit(
    { user: ctx.user, meta: ctx.meta },
    {
      action: "member.accept",
      tenantId: inv.tenantId,
      targetType: "invitation",
      targetId: publicId("inv", inv.id),
      targetName: inv.email,
      details: { role },
    },
  );
  return { tenantSlug: inv.tenant.slug, tenantName: inv.tenant.name, role };
});
