import { z } from "zod";

/**
 * Published on `redisKeys().accessChanged` by whatever ends or narrows a user's access (sign-out,
 * "sign out everywhere", password change, member removal or role change, a disabled user): every
 * web instance re-checks that user's open live streams at once and closes those that lost access.
 */
export const accessChangedMessage = z.object({
  userId: z.uuid(),
  /** The tenant concerned, when only one is (member removed, role changed). */
  tenantId: z.uuid().optional(),
  /** The one session concerned, when only one ended (signed out on the sessions list). */
  sessionId: z.uuid().optional(),
  reason: z.enum(["signed_out", "sessions_revoked", "session_revoked", "member_removed", "role_changed", "user_disabled"]),
});
export type AccessChangedMessage = z.infer<typeof accessChangedMessage>;
