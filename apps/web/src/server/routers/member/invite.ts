import { inviteMember, inviteMemberInput, inviteMemberOutput } from "../../services/member/invite";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Invites someone by email with a role; returns the link (also mailed when SMTP is set). */
export const invite = tenantProcedure
  .use(requirePermission("member.invite"))
  .input(inviteMemberInput)
  .output(inviteMemberOutput)
  .mutation(({ ctx, input }) => inviteMember(ctx.scope, input));
