import { createPasswordReset, findUserByEmail, normalizeEmail, withSystem } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { consumeBudgets } from "../../limits/procedure-limits";
import { getSystemDb } from "../../db";
import { sendPasswordResetMail } from "../../mailer";
import type { RequestMeta } from "../../request-meta";
import { PASSWORD_RESET_TTL_MS, newLinkToken, resetUrl } from "./links";

export const requestPasswordResetInput = z.object({ email: z.email({ error: "Enter a valid email address" }).max(320) });
export const requestPasswordResetOutput = z.object({ requested: z.literal(true) });

/**
 * Emails a single-use reset link (valid an hour) to the account with this email, if there is one
 * and it is not disabled. The answer is the same either way, so it reveals no account; the
 * procedure's budgets (per IP and email) keep it from mailing anyone without limit.
 */
export async function requestPasswordReset(
  meta: RequestMeta,
  input: z.output<typeof requestPasswordResetInput>,
): Promise<z.output<typeof requestPasswordResetOutput>> {
  const email = normalizeEmail(input.email);
  // Per address too (whether or not it has an account, so the limit reveals nothing): nobody's inbox gets flooded.
  await consumeBudgets("account.requestPasswordReset.email", [{ by: "user", points: 3, seconds: 60 * 60 }], { ip: null, userId: email });
  const user = await findUserByEmail(getSystemDb(), email);
  if (user && !user.disabledAt) {
    const { token, tokenHash } = newLinkToken();
    const expiresAt = new Date(Date.now() + PASSWORD_RESET_TTL_MS);
    const id = await withSystem(getSystemDb(), (tx) => createPasswordReset(tx, { userId: user.id, tokenHash, expiresAt }));
    const emailed = await sendPasswordResetMail({ resetId: id, to: user.email, resetUrl: resetUrl(token), expiresAt });
    await recordAudit(
      { meta },
      { action: "user.password_reset_requested", tenantId: null, actor: { id: user.id, email: user.email }, details: { emailed } },
    );
  }
  return { requested: true };
}
