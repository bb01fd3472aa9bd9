import { revokeSession, revokeSessionInput, revokeSessionOutput } from "../../services/session/revoke";
import { authedProcedure } from "../../trpc";

/** Signs one of the user's own sessions out. */
export const revoke = authedProcedure
  .input(revokeSessionInput)
  .output(revokeSessionOutput)
  .mutation(({ ctx, input }) => revokeSession(ctx.userScope, input));
