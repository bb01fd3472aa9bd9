import { getMe, getMeOutput } from "../../services/auth/me";
import { authedProcedure } from "../../trpc";

/** The signed-in user. */
export const me = authedProcedure.output(getMeOutput).query(({ ctx }) => getMe(ctx.userScope));
