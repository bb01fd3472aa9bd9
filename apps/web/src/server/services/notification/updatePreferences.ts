import { severities } from "@aspen/core";
import { upsertNotificationPreferences } from "@aspen/db";
import { z } from "zod";
import { getEnv } from "../../../env";
import { recordAudit } from "../../audit";
import { publicId } from "../../public-ids";
import { assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { memberOf } from "./dto";
import { notificationPreferencesOutput } from "./preferences";

export const updateNotificationPreferencesInput = z.object({
  /** Severities that email at once; empty = no alarm emails. */
  emailSeverities: z.array(z.enum(severities)).max(severities.length),
  dailyDigest: z.boolean(),
});
export const updateNotificationPreferencesOutput = notificationPreferencesOutput;

/** Saves the member's notification preferences in this tenant. */
export async function updateNotificationPreferences(scope: Scope, input: z.output<typeof updateNotificationPreferencesInput>) {
  assertAllowed(scope, "tenant.read");
  const userId = memberOf(scope);
  const p = await inTenant(scope, (tx) =>
    upsertNotificationPreferences(tx, scope.tenant.id, userId, {
      emailSeverities: [...new Set(input.emailSeverities)],
      dailyDigest: input.dailyDigest,
    }),
  );
  await recordAudit(auditOf(scope), {
    action: "notification.preferences_update",
    targetType: "user",
    targetId: publicId("usr", userId),
    details: { emailSeverities: p.emailSeverities, dailyDigest: p.dailyDigest },
  });
  return { ...p, emailAvailable: Boolean(getEnv().SMTP_URL) };
}
