import { findUserById } from "@aspen/db";
import { appError } from "../../errors";
import { authedProcedure } from "../../trpc";
import { toUserDto } from "./_dto";

/** The signed-in user. */
export const me = authedProcedure.query(async ({ ctx }) => {
  const user = await findUserById(ctx.systemDb, ctx.user.id);
  if (!user) throw appError("UNAUTHORIZED", "unauthenticated", "Your account no longer exists; sign in again");
  return toUserDto(user);
});
