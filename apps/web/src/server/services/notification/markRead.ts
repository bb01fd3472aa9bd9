import { markNotificationsRead as writeRead } from "@aspen/db";
import { z } from "zod";
import { publicIdInput } from "../../public-ids";
import { recordAudit } from "../../audit";
import { assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { memberOf } from "./dto";

export const markNotificationsReadInput = z.object({ ids: z.array(publicIdInput("ntf")).min(1).max(100) });
export const markNotificationsReadOutput = z.object({ updated: z.number().int() });

/** Marks some of the member's notifications read (ids of others are ignored; audited when some were unread). */
export async function markNotificationsRead(scope: Scope, input: z.output<typeof markNotificationsReadInput>) {
  assertAllowed(scope, "tenant.read");
  const userId = memberOf(scope);
  const updated = await inTenant(scope, (tx) => writeRead(tx, scope.tenant.id, userId, input.ids));
  if (updated > 0) await recordAudit(auditOf(scope), { action: "notification.read", targetType: "notification", details: { updated } });
  return { updated };
}
