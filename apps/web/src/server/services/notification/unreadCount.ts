import { countUnreadNotifications } from "@aspen/db";
import { z } from "zod";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { memberOf } from "./dto";

export const unreadNotificationCountInput = z.object({});
export const unreadNotificationCountOutput = z.object({ count: z.number().int() });

/** How many of the member's notifications are unread. */
export async function unreadNotificationCount(scope: Scope, _input: z.output<typeof unreadNotificationCountInput>) {
  assertAllowed(scope, "tenant.read");
  const userId = memberOf(scope);
  return { count: await inTenant(scope, (tx) => countUnreadNotifications(tx, scope.tenant.id, userId)) };
}
