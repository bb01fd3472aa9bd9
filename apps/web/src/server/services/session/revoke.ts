import { revokeUserSession } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { notFound } from "../../errors";
import { notifyAccessChanged } from "../../live/access";
import { publicId, publicIdInput } from "../../public-ids";
import { auditOfUser, type UserScope } from "../scope";

export const revokeSessionInput = z.object({ id: publicIdInput("ses") });
export const revokeSessionOutput = z.object({ revoked: z.literal(true), current: z.boolean() });

/**
 * Signs one session of the signed-in user out: its next request is signed out and its live streams
 * close at once. Another user's session (or an ended one) is NOT_FOUND.
 */
export async function revokeSession(
  user: UserScope,
  input: z.output<typeof revokeSessionInput>,
): Promise<z.output<typeof revokeSessionOutput>> {
  if (!(await revokeUserSession(user.systemDb, user.user.id, input.id))) throw notFound("Session");
  await notifyAccessChanged({ userId: user.user.id, sessionId: input.id, reason: "session_revoked" });
  await recordAudit(auditOfUser(user), {
    action: "user.session_revoke",
    tenantId: null,
    targetType: "session",
    targetId: publicId("ses", input.id),
  });
  return { revoked: true as const, current: input.id === user.sessionId };
}
