import { getNotificationPreferences } from "@aspen/db";
import { severities } from "@aspen/core";
import { z } from "zod";
import { getEnv } from "../../../env";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { memberOf } from "./dto";

export const notificationPreferencesInput = z.object({});
export const notificationPreferencesOutput = z.object({
  emailSeverities: z.array(z.enum(severities)),
  dailyDigest: z.boolean(),
  /** Whether this installation can send email at all (SMTP_URL set). */
  emailAvailable: z.boolean(),
});

/** The member's notification preferences in this tenant (defaults: email for critical and major). */
export async function notificationPreferences(scope: Scope, _input: z.output<typeof notificationPreferencesInput>) {
  assertAllowed(scope, "tenant.read");
  const userId = memberOf(scope);
  const p = await inTenant(scope, (tx) => getNotificationPreferences(tx, scope.tenant.id, userId));
  return { ...p, emailAvailable: Boolean(getEnv().SMTP_URL) };
}
