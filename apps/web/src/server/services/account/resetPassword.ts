import { hashSecret, passwordPolicy } from "@aspen/core";
import { consumePasswordReset, findUserById, updatePassword, withSystem } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { hashPassword } from "../../auth/password";
import { getSystemDb } from "../../db";
import { appError } from "../../errors";
import type { RequestMeta } from "../../request-meta";

export const resetPasswordInput = z.object({ token: z.string().min(20).max(200), password: passwordPolicy });
export const resetPasswordOutput = z.object({ reset: z.literal(true) });

/**
 * Sets a new password with a reset link's token: once (the token is consumed atomically), before
 * it expires, and ends every session of the user (their session version moves on).
 */
export async function resetPassword(
  meta: RequestMeta,
  input: z.output<typeof resetPasswordInput>,
): Promise<z.output<typeof resetPasswordOutput>> {
  const passwordHash = await hashPassword(input.password);
  const user = await withSystem(getSystemDb(), async (tx) => {
    const reset = await consumePasswordReset(tx, hashSecret(input.token));
    if (!reset) return undefined;
    const u = await findUserById(tx, reset.userId);
    if (!u || u.disabledAt) return undefined;
    await updatePassword(tx, u.id, passwordHash);
    return u;
  });
  if (!user) {
    throw appError(
      "BAD_REQUEST",
      "reset_link_invalid",
      "This reset link is used, expired or unknown. Ask for a new one on the sign-in page.",
    );
  }
  await recordAudit({ meta }, { action: "user.password_reset", tenantId: null, actor: { id: user.id, email: user.email } });
  return { reset: true };
}
