import { randomBytes } from "node:crypto";
import { hashSecret } from "@aspen/core";
import { getEnv } from "../../../env";

/** Invitations expire after a week. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** A new invitation token (32 random bytes) and the SHA-256 that is stored instead. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashSecret(token) };
}

export function hashInvitationToken(token: string): string {
  return hashSecret(token);
}

/** The link the invitee opens: the console's `/invite/<token>` page. */
export function invitationUrl(token: string): string {
  return new URL(`/invite/${token}`, getEnv().APP_URL).toString();
}
