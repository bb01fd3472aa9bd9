import { passwordPolicy } from "@aspen/core";
import { findUserById, updatePassword } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { hashPassword, verifyPassword } from "../../auth/password";
import { appError } from "../../errors";
import { authedProcedure } from "../../trpc";

/** Changes the password and ends every session, this one included: sign in again afterwards. */
export const changePassword = authedProcedure
  .input(z.object({ current: z.string().min(1, { error: "Enter your current password" }).max(1024), next: passwordPolicy }))
  .mutation(async ({ ctx, input }) => {
    const user = await findUserById(ctx.systemDb, ctx.user.id);
    if (!user) throw appError("UNAUTHORIZED", "unauthenticated", "Sign in to continue");
    if (!(await verifyPassword(user.passwordHash, input.current))) {
      throw appError("BAD_REQUEST", "wrong_password", "Your current password is not correct", [
        { path: "current", message: "Not your current password" },
      ]);
    }
    await updatePassword(ctx.systemDb, user.id, await hashPassword(input.next));
    await recordAudit({ user: ctx.user, meta: ctx.meta }, { action: "user.password_changed", tenantId: null });
    return { signedOut: true as const };
  });
