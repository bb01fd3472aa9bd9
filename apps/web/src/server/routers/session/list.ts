import { listSessions, listSessionsInput, listSessionsOutput } from "../../services/session/list";
import { authedProcedure } from "../../trpc";

/** The signed-in user's active sessions ("this session" marked). */
export const list = authedProcedure
  .input(listSessionsInput)
  .output(listSessionsOutput)
  .query(({ ctx, input }) => listSessions(ctx.userScope, input));
