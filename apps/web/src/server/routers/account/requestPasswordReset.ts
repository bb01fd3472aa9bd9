import {
  requestPasswordReset as requestPasswordResetService,
  requestPasswordResetInput,
  requestPasswordResetOutput,
} from "../../services/account/requestPasswordReset";
import { publicProcedure } from "../../trpc";

/** Emails a password-reset link if the account exists (same answer either way). */
export const requestPasswordReset = publicProcedure
  .input(requestPasswordResetInput)
  .output(requestPasswordResetOutput)
  .mutation(({ ctx, input }) => requestPasswordResetService(ctx.meta, input));
