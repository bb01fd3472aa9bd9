import { canAssignRole } from "@aspen/core";
import { createInvitation, findUserByEmail, getMembership, normalizeEmail } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { getSystemDb } from "../../db";
import { appError } from "../../errors";
import { sendInvitationMail } from "../../mailer";
import { publicId } from "../../public-ids";
import { INVITATION_TTL_MS, invitationUrl, newInvitationToken } from "../invitation/token";
import { actingUserId, assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { invitationSchema, roleInput } from "./dto";

export const inviteMemberInput = z.object({
  email: z.email({ error: "Enter a valid email address" }).max(320).transform(normalizeEmail),
  role: roleInput,
});
export const inviteMemberOutput = z.object({
  invitation: invitationSchema,
  /** The link to copy; it is the invitation's secret. */
  inviteUrl: z.string(),
  /** Whether it was mailed (SMTP_URL set) or only logged. */
  emailed: z.boolean(),
});

/**
 * Invites someone by email with a role. Returns the link to copy; it is also emailed when SMTP_URL
 * is set (otherwise logged). Admins cannot invite owners.
 */
export async function inviteMember(scope: Scope, input: z.output<typeof inviteMemberInput>): Promise<z.output<typeof inviteMemberOutput>> {
  assertAllowed(scope, "member.invite");
  if (!canAssignRole(scope.role, input.role)) {
    throw appError("FORBIDDEN", "cannot_assign_role", `Your role (${scope.role}) cannot invite a ${input.role}`);
  }
  // Users are not tenant rows: looked up on the system connection.
  const existing = await findUserByEmail(getSystemDb(), input.email);
  if (existing && (await inTenant(scope, (tx) => getMembership(tx, scope.tenant.id, existing.id)))) {
    throw appError("CONFLICT", "already_member", `${input.email} is already a member of ${scope.tenant.name}`, [
      { path: "email", message: "Already a member" },
    ]);
  }
  const invitedBy = actingUserId(scope);
  if (!invitedBy) throw appError("FORBIDDEN", "forbidden", "Invitations are sent on behalf of a person: use a token that acts for a user");
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
  const inv = await inTenant(scope, (tx) =>
    createInvitation(tx, { tenantId: scope.tenant.id, email: input.email, role: input.role, tokenHash, invitedBy, expiresAt }),
  );
  const inviteUrl = invitationUrl(token);
  const inviter =
    scope.actor.kind === "user"
      ? { name: scope.actor.name || scope.actor.email, email: scope.actor.email }
      : { name: scope.actor.name, email: null };
  const id = publicId("inv", inv.id);
  const emailed = await sendInvitationMail({
    invitationId: id,
    to: inv.email,
    tenantName: scope.tenant.name,
    inviterName: inviter.name,
    role: inv.role,
    inviteUrl,
    expiresAt,
  });
  await recordAudit(auditOf(scope), {
    action: "member.invite",
    targetType: "invitation",
    targetId: id,
    targetName: inv.email,
    details: { role: inv.role, emailed },
  });
  return {
    invitation: { id, email: inv.email, role: inv.role, expiresAt: inv.expiresAt, createdAt: inv.createdAt, invitedByEmail: inviter.email },
    inviteUrl,
    emailed,
  };
}
