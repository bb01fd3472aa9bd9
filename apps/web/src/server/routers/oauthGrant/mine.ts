import { myOAuthGrants, myOAuthGrantsInput, myOAuthGrantsOutput } from "../../services/oauthGrant/mine";
import { authedProcedure } from "../../trpc";

/** The apps the signed-in user authorised ("Connected apps"). */
export const mine = authedProcedure
  .input(myOAuthGrantsInput)
  .output(myOAuthGrantsOutput)
  .query(({ ctx, input }) => myOAuthGrants(ctx.userScope, input));
