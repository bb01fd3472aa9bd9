import { signupUser, signupUserInput, signupUserOutput } from "../../services/auth/signup";
import { publicProcedure } from "../../trpc";

/** Creates an account (then sign in with the same credentials). */
export const signup = publicProcedure
  .input(signupUserInput)
  .output(signupUserOutput)
  .mutation(({ ctx, input }) => signupUser(ctx.meta, input));
