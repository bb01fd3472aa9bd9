import { markOneNotificationRead } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { notFound } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { memberOf, notificationSchema, toNotificationDto } from "./dto";

export const markNotificationReadInput = z.object({ id: publicIdInput("ntf") });
export const markNotificationReadOutput = notificationSchema;

/**
 * Marks one of the member's notifications read and returns it; one already read keeps its first read
 * time. Another user's (or tenant's) notification is NOT_FOUND like a missing one.
 */
export async function markNotificationRead(scope: Scope, input: z.output<typeof markNotificationReadInput>) {
  assertAllowed(scope, "tenant.read");
  const userId = memberOf(scope);
  const marked = await inTenant(scope, (tx) => markOneNotificationRead(tx, scope.tenant.id, userId, input.id));
  if (!marked) throw notFound("Notification");
  const notification = toNotificationDto(marked.row);
  if (marked.changed) {
    await recordAudit(auditOf(scope), { action: "notification.read", targetType: "notification", targetId: notification.id });
  }
  return notification;
}
