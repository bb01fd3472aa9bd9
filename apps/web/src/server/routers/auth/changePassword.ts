import { changePassword as changePasswordService, changePasswordInput, changePasswordOutput } from "../../services/auth/changePassword";
import { authedProcedure } from "../../trpc";

/** Changes the password and ends every session, this one included: sign in again afterwards. */
export const changePassword = authedProcedure
  .input(changePasswordInput)
  .output(changePasswordOutput)
  .mutation(({ ctx, input }) => changePasswordService(ctx.userScope, input));
