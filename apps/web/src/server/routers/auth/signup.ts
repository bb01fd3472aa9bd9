import { registerUser, signupInput } from "../../auth/register";
import { publicProcedure } from "../../trpc";
import { toUserDto } from "./_dto";

/** Creates an account (then sign in with the same credentials). */
export const signup = publicProcedure.input(signupInput).mutation(async ({ ctx, input }) => {
  const user = await registerUser(ctx.systemDb, input, ctx.meta);
  return { user: toUserDto(user) };
});
