import { passwordPolicy } from "@aspen/core";
import { findUserById, updatePassword } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { hashPassword, verifyPassword } from "../../auth/password";
import { appError } from "../../errors";
import { auditOfUser, type UserScope } from "../scope";

export const changePasswordInput = z.object({
  current: z.string().min(1, { error: "Enter your current password" }).max(1024),
  next: passwordPolicy,
});
export const changePasswordOutput = z.object({ signedOut: z.literal(true) });

/** Changes the password and ends every session, this one included: sign in again afterwards. */
export async function changePassword(
  user: UserScope,
  input: z.output<typeof changePasswordInput>,
): Promise<z.output<typeof changePasswordOutput>> {
  const row = await findUserById(user.systemDb, user.user.id);
  if (!row) throw appError("UNAUTHORIZED", "unauthenticated", "Sign in to continue");
  if (!(await verifyPassword(row.passwordHash, input.current))) {
    throw appError("BAD_REQUEST", "wrong_password", "Your current password is not correct", [
      { path: "current", message: "Not your current password" },
    ]);
  }
  await updatePassword(user.systemDb, row.id, await hashPassword(input.next));
  await recordAudit(auditOfUser(user), { action: "user.password_changed", tenantId: null });
  return { signedOut: true as const };
}
