import { markNotificationsRead as writeRead } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { memberOf } from "./dto";

export const markAllNotificationsReadInput = z.object({});
export const markAllNotificationsReadOutput = z.object({ updated: z.number().int() });

/** Marks all of the member's notifications in this tenant read (audited when some were unread). */
export async function markAllNotificationsRead(scope: Scope, _input: z.output<typeof markAllNotificationsReadInput>) {
  assertAllowed(scope, "tenant.read");
  const userId = memberOf(scope);
  const updated = await inTenant(scope, (tx) => writeRead(tx, scope.tenant.id, userId, "all"));
  if (updated > 0) await recordAudit(auditOf(scope), { action: "notification.read_all", targetType: "notification", details: { updated } });
  return { updated };
}
