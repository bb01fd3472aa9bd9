import type { NotificationRow } from "@aspen/db";
import { z } from "zod";
import { publicId } from "../../public-ids";
import { actingUserId, type Scope } from "../scope";

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.enum(["alarm", "webhook_disabled", "digest"]),
  severity: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  /** `alm_…` to link to, for alarm notifications. */
  alarmId: z.string().nullable(),
  readAt: z.date().nullable(),
  createdAt: z.date(),
});

export function toNotificationDto(n: NotificationRow) {
  return {
    id: publicId("ntf", n.id),
    kind: n.kind,
    severity: n.severity,
    title: n.title,
    body: n.body,
    alarmId: n.alarmId ? publicId("alm", n.alarmId) : null,
    readAt: n.readAt,
    createdAt: n.createdAt,
  };
}

/** Notifications are the signed-in member's own: the user id comes from the scope, never from input. */
export function memberOf(scope: Scope): string | null {
  return actingUserId(scope);
}
