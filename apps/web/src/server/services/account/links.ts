import { randomBytes } from "node:crypto";
import { hashSecret } from "@aspen/core";
import { getEnv } from "../../../env";

/** Reset links expire after an hour. */
export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;
/** Verification links expire after two days. */
export const EMAIL_VERIFICATION_TTL_MS = 48 * 60 * 60 * 1000;

/** A new link token (32 random bytes) and the SHA-256 that is stored instead. */
export function newLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashSecret(token) };
}

/** The link in the email: the console's `/reset/<token>` page. */
export function resetUrl(token: string): string {
  return new URL(`/reset/${token}`, getEnv().APP_URL).toString();
}

/** The link in the verification email: the console's `/verify/<token>` page. */
export function verifyUrl(token: string): string {
  return new URL(`/verify/${token}`, getEnv().APP_URL).toString();
}
