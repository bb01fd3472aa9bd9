import {
  listNotificationsAfter,
  listNotificationsAfterInput,
  listNotificationsAfterOutput,
} from "../../../services/notification/listAfter";
import { markAllNotificationsRead, markAllNotificationsReadOutput } from "../../../services/notification/markAllRead";
import { markNotificationRead, markNotificationReadInput, markNotificationReadOutput } from "../../../services/notification/markOneRead";
import { notificationPreferences, notificationPreferencesOutput } from "../../../services/notification/preferences";
import { unreadNotificationCount, unreadNotificationCountOutput } from "../../../services/notification/unreadCount";
import {
  updateNotificationPreferences,
  updateNotificationPreferencesInput,
  updateNotificationPreferencesOutput,
} from "../../../services/notification/updatePreferences";
import { defineOperation } from "../operation";
import { cursorQuery, fromCursorQuery } from "./_query";

const tag = "Notifications";
/** Said on every notification operation: whose notifications these are, and who is refused. */
const userBound =
  "Notifications are a user's own: those of the key's creator, or of the user who authorized the app. A token acting for " +
  "no user (an app's own client-credentials token) is refused with 403 `user_required`.";

export const notificationOperations = [
  defineOperation({
    operationId: "listNotifications",
    method: "GET",
    path: "/notifications",
    tag,
    summary: "List your notifications",
    description: `Newest first; \`unreadOnly=true\` keeps the unread ones. Page with \`limit\` and \`starting_after\`. ${userBound}`,
    scope: "notifications:read",
    query: cursorQuery(listNotificationsAfterInput),
    status: 200,
    output: listNotificationsAfterOutput,
    handler: ({ scope, query }) => listNotificationsAfter(scope, fromCursorQuery(query)),
  }),
  defineOperation({
    operationId: "getUnreadNotificationCount",
    method: "GET",
    path: "/notifications/unread-count",
    tag,
    summary: "Count your unread notifications",
    description: `What the console's bell shows. ${userBound}`,
    scope: "notifications:read",
    status: 200,
    output: unreadNotificationCountOutput,
    handler: ({ scope }) => unreadNotificationCount(scope, {}),
  }),
  defineOperation({
    operationId: "markNotificationRead",
    method: "POST",
    path: "/notifications/{id}/read",
    tag,
    summary: "Mark a notification read",
    description:
      "Answers the notification with its `readAt`; one already read keeps the time it was first read. Another user's " +
      `notification answers 404 like a missing one. ${userBound}`,
    scope: "notifications:write",
    params: markNotificationReadInput.strict(),
    status: 200,
    output: markNotificationReadOutput,
    handler: ({ scope, params }) => markNotificationRead(scope, params),
  }),
  defineOperation({
    operationId: "markAllNotificationsRead",
    method: "POST",
    path: "/notifications/read-all",
    tag,
    summary: "Mark all your notifications read",
    description: `\`updated\` says how many were unread. ${userBound}`,
    scope: "notifications:write",
    status: 200,
    output: markAllNotificationsReadOutput,
    handler: ({ scope }) => markAllNotificationsRead(scope, {}),
  }),
  defineOperation({
    operationId: "getNotificationPreferences",
    method: "GET",
    path: "/notifications/preferences",
    tag,
    summary: "Get your notification preferences",
    description: `Which alarm severities email you at once (default critical and major), the daily digest, and whether this installation can send email. ${userBound}`,
    scope: "notifications:read",
    status: 200,
    output: notificationPreferencesOutput,
    handler: ({ scope }) => notificationPreferences(scope, {}),
  }),
  defineOperation({
    operationId: "updateNotificationPreferences",
    method: "PUT",
    path: "/notifications/preferences",
    tag,
    summary: "Set your notification preferences",
    description: `Both fields, replacing the old ones; an empty \`emailSeverities\` sends no alarm emails. ${userBound}`,
    scope: "notifications:write",
    body: updateNotificationPreferencesInput.strict(),
    status: 200,
    output: updateNotificationPreferencesOutput,
    handler: ({ scope, body }) => updateNotificationPreferences(scope, body),
  }),
];
