import { listNotifications as readNotifications } from "@aspen/db";
import { z } from "zod";
import { mapPage, pageInput } from "../../pagination";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { memberOf, notificationSchema, toNotificationDto } from "./dto";

export const listNotificationsInput = z.object({ unreadOnly: z.boolean().default(false), ...pageInput });
export const listNotificationsOutput = z.object({
  items: z.array(notificationSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** The member's notifications in this tenant, newest first. */
export async function listNotifications(scope: Scope, input: z.output<typeof listNotificationsInput>) {
  assertAllowed(scope, "tenant.read");
  const userId = memberOf(scope);
  const page = await inTenant(scope, (tx) => readNotifications(tx, scope.tenant.id, userId, input));
  return mapPage(page, toNotificationDto);
}
