import { revokeMyOAuthGrant, revokeMyOAuthGrantInput, revokeMyOAuthGrantOutput } from "../../services/oauthGrant/revokeMine";
import { authedProcedure } from "../../trpc";

/** Disconnects an app the signed-in user authorised. */
export const revoke = authedProcedure
  .input(revokeMyOAuthGrantInput)
  .output(revokeMyOAuthGrantOutput)
  .mutation(({ ctx, input }) => revokeMyOAuthGrant(ctx.userScope, input));
