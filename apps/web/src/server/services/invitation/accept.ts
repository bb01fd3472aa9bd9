import { roleRank, roles } from "@aspen/core";
import {
  addMembership,
  findInvitationByTokenHash,
  getMembership,
  invitationState,
  isEmailVerified,
  markInvitationAccepted,
  normalizeEmail,
  setMemberRole,
  withSystem,
  withTenant,
  type InvitationState,
} from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { appError, notFound } from "../../errors";
import { mailConfigured } from "../../mailer";
import { publicId } from "../../public-ids";
import { auditOfUser, type UserScope } from "../scope";
import { invitationTokenInput } from "./byToken";
import { hashInvitationToken } from "./token";

export const acceptInvitationInput = z.object({ token: invitationTokenInput });
export const acceptInvitationOutput = z.object({ tenantSlug: z.string(), tenantName: z.string(), role: z.enum(roles) });

const refusals: Record<Exclude<InvitationState, "pending">, string> = {
  accepted: "This invitation has already been used. Ask for a new one if you still need access.",
  revoked: "This invitation was revoked. Ask the tenant's admins for a new one.",
  expired: "This invitation has expired. Ask the tenant's admins for a new one.",
};

/**
 * Accepts an invitation for the signed-in user, whose email must match it (case-insensitive).
 * Single use. An existing member keeps the stronger of their role and the invited one.
 */
export async function acceptInvitation(
  user: UserScope,
  input: z.output<typeof acceptInvitationInput>,
): Promise<z.output<typeof acceptInvitationOutput>> {
  const inv = await findInvitationByTokenHash(user.systemDb, hashInvitationToken(input.token));
  if (!inv) throw notFound("Invitation");
  const state = invitationState(inv);
  if (state !== "pending") throw appError("BAD_REQUEST", `invitation_${state}`, refusals[state]);
  if (normalizeEmail(user.user.email) !== normalizeEmail(inv.email)) {
    throw appError(
      "FORBIDDEN",
      "email_mismatch",
      `This invitation is for ${inv.email}, but you are signed in as ${user.user.email}. Sign in with that account to accept it.`,
    );
  }
  // A link holder must not be able to sign up as the invited address and join: the address must be
  // confirmed first. Without outgoing mail nobody can confirm, and links reach only whom the inviter gives them.
  if (mailConfigured() && !(await withSystem(user.systemDb, (tx) => isEmailVerified(tx, user.user.id, normalizeEmail(user.user.email))))) {
    throw appError(
      "FORBIDDEN",
      "email_unverified",
      `Confirm ${user.user.email} first: open the link we emailed you (or send a new one from your account page), then accept again.`,
    );
  }
  const userId = user.user.id;
  const role = await withTenant(user.db, inv.tenantId, async (tx) => {
    if (!(await markInvitationAccepted(tx, inv.id, userId))) throw appError("BAD_REQUEST", "invitation_accepted", refusals.accepted);
    const current = await getMembership(tx, inv.tenantId, userId);
    if (!current) return addMembership(tx, { tenantId: inv.tenantId, userId, role: inv.role });
    if (roleRank(inv.role) > roleRank(current.role)) {
      await setMemberRole(tx, inv.tenantId, userId, inv.role);
      return inv.role;
    }
    return current.role;
  });
  await recordAudit(auditOfUser(user), {
    action: "member.accept",
    tenantId: inv.tenantId,
    targetType: "invitation",
    targetId: publicId("inv", inv.id),
    targetName: inv.email,
    details: { role },
  });
  return { tenantSlug: inv.tenant.slug, tenantName: inv.tenant.name, role };
}
