import { resetPassword as resetPasswordService, resetPasswordInput, resetPasswordOutput } from "../../services/account/resetPassword";
import { publicProcedure } from "../../trpc";

/** Sets a new password with a reset link (once; ends every session). */
export const resetPassword = publicProcedure
  .input(resetPasswordInput)
  .output(resetPasswordOutput)
  .mutation(({ ctx, input }) => resetPasswordService(ctx.meta, input));
