import { bumpSessionVersion } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { notifyAccessChanged } from "../../live/access";
import { auditOfUser, type UserScope } from "../scope";

export const signOutEverywhereOutput = z.object({ signedOut: z.literal(true) });

/** Ends every session of the signed-in user on every device, this one included. */
export async function signOutEverywhere(user: UserScope): Promise<z.output<typeof signOutEverywhereOutput>> {
  await bumpSessionVersion(user.systemDb, user.user.id);
  // Open live streams close at once, on every web instance.
  await notifyAccessChanged({ userId: user.user.id, reason: "sessions_revoked" });
  await recordAudit(auditOfUser(user), { action: "user.logout", tenantId: null, details: { everywhere: true } });
  return { signedOut: true as const };
}
