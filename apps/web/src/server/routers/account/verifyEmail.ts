import { verifyEmail as verifyEmailService, verifyEmailInput, verifyEmailOutput } from "../../services/account/verifyEmail";
import { publicProcedure } from "../../trpc";

/** Confirms an email address with the link's token (public: the token is the secret). */
export const verifyEmail = publicProcedure
  .input(verifyEmailInput)
  .output(verifyEmailOutput)
  .mutation(({ ctx, input }) => verifyEmailService(ctx.meta, input));
