import { createEmailVerification, isEmailVerified, withSystem } from "@aspen/db";
import { z } from "zod";
import { getSystemDb } from "../../db";
import { mailConfigured, sendVerificationMail } from "../../mailer";
import { EMAIL_VERIFICATION_TTL_MS, newLinkToken, verifyUrl } from "./links";

export const requestEmailVerificationOutput = z.object({ sent: z.boolean(), verified: z.boolean() });

/**
 * Emails the signed-in user a link confirming their address (nothing when it is already
 * verified or mail is not configured). Called after sign-up and from the account page.
 */
export async function requestEmailVerification(user: {
  id: string;
  email: string;
}): Promise<z.output<typeof requestEmailVerificationOutput>> {
  const db = getSystemDb();
  if (await withSystem(db, (tx) => isEmailVerified(tx, user.id, user.email))) return { sent: false, verified: true };
  if (!mailConfigured()) return { sent: false, verified: false };
  const { token, tokenHash } = newLinkToken();
  const expiresAt = new Date(Date.now() + EMAIL_VERIFICATION_TTL_MS);
  const id = await withSystem(db, (tx) => createEmailVerification(tx, { userId: user.id, email: user.email, tokenHash, expiresAt }));
  return {
    sent: await sendVerificationMail({ verificationId: id, to: user.email, verifyUrl: verifyUrl(token), expiresAt }),
    verified: false,
  };
}
