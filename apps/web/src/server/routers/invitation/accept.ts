import { acceptInvitation, acceptInvitationInput, acceptInvitationOutput } from "../../services/invitation/accept";
import { authedProcedure } from "../../trpc";

/** Accepts an invitation for the signed-in user, whose email must match it. Single use. */
export const accept = authedProcedure
  .input(acceptInvitationInput)
  .output(acceptInvitationOutput)
  .mutation(({ ctx, input }) => acceptInvitation(ctx.userScope, input));
