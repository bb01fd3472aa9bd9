import { canAssignRole } from "@aspen/core";
import { createInvitation, findUserByEmail, getMembership, normalizeEmail } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { appError } from "../../errors";
import { sendInvitationMail } from "../../mailer";
import { publicId } from "../../public-ids";
import { requirePermission, tenantProcedure } from "../../trpc";
import { INVITATION_TTL_MS, invitationUrl, newInvitationToken } from "../invitation/_token";
import { roleInput } from "./_dto";

/**
 * Invites someone by email with a role. Returns the link to copy; it is also
 * emailed when SMTP_URL is set (otherwise logged). Admins cannot invite owners.
 */
export const invite = tenantProcedure
  .use(requirePermission("member.invite"))
  .input(z.object({ email: z.email({ error: "Enter a valid email address" }).max(320).transform(normalizeEmail), role: roleInput }))
  .mutation(async ({ ctx, input }) => {
    if (!canAssignRole(ctx.role, input.role)) {
      throw appError("FORBIDDEN", "cannot_assign_role", `Your role (${ctx.role}) cannot invite a ${input.role}`);
    }
    const existing = await findUserByEmail(ctx.systemDb, input.email);
    if (existing && (await ctx.withTenant((tx) => getMembership(tx, ctx.tenant.id, existing.id)))) {
      throw appError("CONFLICT", "already_member", `${input.email} is already a member of ${ctx.tenant.name}`, [
        { path: "email", message: "Already a member" },
      ]);
    }
    const { token, tokenHash } = newInvitationToken();
    const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
    const inv = await ctx.withTenant((tx) =>
      createInvitation(tx, { tenantId: ctx.tenant.id, email: input.email, role: input.role, tokenHash, invitedBy: ctx.user.id, expiresAt }),
    );
    const inviteUrl = invitationUrl(token);
    const id = publicId("inv", inv.id);
    const emailed = await sendInvitationMail({
      invitationId: id,
      to: inv.email,
      tenantName: ctx.tenant.name,
      inviterName: ctx.user.name || ctx.user.email,
      role: inv.role,
      inviteUrl,
      expiresAt,
    });
    await recordAudit(ctx.audit, {
      action: "member.invite",
      targetType: "invitation",
      targetId: id,
      targetName: inv.email,
      details: { role: inv.role, emailed },
    });
    return {
      invitation: { id, email: inv.email, role: inv.role, expiresAt: inv.expiresAt, createdAt: inv.createdAt, invitedByEmail: ctx.user.email },
      inviteUrl,
      emailed,
    };
  });
