import {
  revokeInvitation as revokeInvitationService,
  revokeInvitationInput,
  revokeInvitationOutput,
} from "../../services/member/revokeInvitation";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Revokes a pending invitation: its link stops working. */
export const revokeInvitation = tenantProcedure
  .use(requirePermission("member.invite"))
  .input(revokeInvitationInput)
  .output(revokeInvitationOutput)
  .mutation(({ ctx, input }) => revokeInvitationService(ctx.scope, input));
