import type { NotificationRow } from "@aspen/db";
import { z } from "zod";
import { publicId } from "../../public-ids";
import { appError } from "../../errors";
import { actingForUserId, type Scope } from "../scope";

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

/**
 * Notifications are a user's own: the member signed in, or the user a token acts for (an API key's
 * creator, the user who authorized an app). The user id comes from the scope, never from input. A
 * token acting for nobody (an app's client-credentials token) is refused: FORBIDDEN `user_required`.
 */
export function memberOf(scope: Scope): string {
  const userId = actingForUserId(scope);
  if (userId) return userId;
  throw appError(
    "FORBIDDEN",
    "user_required",
    "Notifications belong to a user, and this token acts for none: use an API key, or an OAuth token an app got by the authorization-code flow (a client-credentials token acts for the app itself).",
  );
}
