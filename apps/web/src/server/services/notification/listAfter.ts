import { listNotificationsAfter as queryNotificationsAfter } from "@aspen/db";
import { z } from "zod";
import { publicIdInput } from "../../public-ids";
import { cursorLimit, cursorPageOf, unknownCursor } from "../cursor";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { memberOf, notificationSchema, toNotificationDto } from "./dto";

/** The filter of `listNotifications`, paged by cursor (keyset) instead of page number. */
export const listNotificationsAfterInput = z.object({
  unreadOnly: z.boolean().default(false).meta({ description: "Only the notifications not read yet" }),
  limit: cursorLimit,
  startingAfter: publicIdInput("ntf").optional(),
});
export const listNotificationsAfterOutput = cursorPageOf(notificationSchema);

/** The member's notifications in this tenant, newest first, `limit` after the notification `startingAfter`. */
export async function listNotificationsAfter(
  scope: Scope,
  input: z.output<typeof listNotificationsAfterInput>,
): Promise<z.output<typeof listNotificationsAfterOutput>> {
  assertAllowed(scope, "tenant.read");
  const userId = memberOf(scope);
  const { startingAfter, ...filter } = input;
  const page = await inTenant(scope, (tx) => queryNotificationsAfter(tx, scope.tenant.id, userId, { ...filter, after: startingAfter }));
  if (!page.cursorFound) throw unknownCursor("notification");
  const items = page.items.map(toNotificationDto);
  return { items, hasMore: page.hasMore, nextCursor: page.hasMore ? (items.at(-1)?.id ?? null) : null };
}
