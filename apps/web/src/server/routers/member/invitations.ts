import { listInvitations, listInvitationsInput, listInvitationsOutput } from "../../services/member/invitations";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Pending (not accepted, revoked or expired) invitations. */
export const invitations = tenantProcedure
  .use(requirePermission("member.invite"))
  .input(listInvitationsInput)
  .output(listInvitationsOutput)
  .query(({ ctx, input }) => listInvitations(ctx.scope, input));
