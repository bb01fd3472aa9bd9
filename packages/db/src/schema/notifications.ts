import type { Severity } from "@aspen/core";
import { date, boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, tenantIsolation, updatedAt } from "./_rls";
import { alarms } from "./alerts";
import { users } from "./identity";
import { tenants } from "./tenancy";

/** An in-app notification for one member (the notification centre), and its email state. */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text({ enum: ["alarm", "webhook_disabled", "digest"] }).notNull(),
    severity: text().$type<Severity>(),
    title: text().notNull(),
    body: text().notNull().default(""),
    alarmId: uuid().references(() => alarms.id, { onDelete: "cascade" }),
    /** What caused it: one notification per (cause, member), so a retried job adds none. */
    sourceKey: text().notNull(),
    /** Shown in the notification centre (false: email only, or digest bookkeeping). */
    inApp: boolean().notNull().default(true),
    readAt: timestamp({ withTimezone: true }),
    emailStatus: text({ enum: ["none", "pending", "sent", "failed"] })
      .notNull()
      .default("none"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("notifications_source_user_key").on(t.tenantId, t.sourceKey, t.userId),
    index("notifications_user_idx").on(t.tenantId, t.userId, t.createdAt),
    tenantIsolation(),
  ],
);

/** A member's notification preferences in a tenant. Missing row = defaults. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Severities that send an email at once. */
    emailSeverities: text().array().$type<Severity[]>().notNull().default(["critical", "major"]),
    /** One email a day listing the previous day's alarms. */
    dailyDigest: boolean().notNull().default(false),
    /** The day (UTC) the last digest covered, so the job sends each at most once. */
    digestSentFor: date(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId] }), tenantIsolation()],
);

export type NotificationRow = typeof notifications.$inferSelect;
export type NotificationPreferencesRow = typeof notificationPreferences.$inferSelect;
