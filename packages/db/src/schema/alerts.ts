import type { AlertRuleSpec, Severity } from "@aspen/core";
import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, tenantIsolation, updatedAt } from "./_rls";
import { devices, products } from "./catalog";
import { users } from "./identity";
import { tenants } from "./tenancy";

const severity = () => text({ enum: ["critical", "major", "minor", "warning", "info"] }).$type<Severity>();

/**
 * An alert rule of one product. `spec` is the core `alertRuleSpecSchema` value with uuids in
 * `deviceIds` and `actions.webhookIds`; `name`, `severity`, `enabled` are copied out of it for lists.
 */
export const alertRules = pgTable(
  "alert_rules",
  {
    id: id(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    name: text().notNull(),
    severity: severity().notNull(),
    enabled: boolean().notNull().default(true),
    triggerType: text({ enum: ["telemetry", "offline", "event"] }).notNull(),
    spec: jsonb().$type<AlertRuleSpec>().notNull(),
    /** Bumped on every change: evaluation state built for an older version restarts its timers. */
    version: integer().notNull().default(1),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("alert_rules_tenant_product_idx").on(t.tenantId, t.productId),
    index("alert_rules_offline_idx")
      .on(t.triggerType)
      .where(sql`enabled and trigger_type = 'offline'`),
    tenantIsolation(),
  ],
);

/** An alarm: raised by a rule for a device; at most one not-cleared alarm per (rule, device). */
export const alarms = pgTable(
  "alarms",
  {
    id: id(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    ruleId: uuid()
      .notNull()
      .references(() => alertRules.id, { onDelete: "cascade" }),
    deviceId: uuid()
      .notNull()
      .references(() => devices.id, { onDelete: "cascade" }),
    productId: uuid().notNull(),
    severity: severity().notNull(),
    /** The rule's name when raised. */
    title: text().notNull(),
    status: text({ enum: ["active", "acknowledged", "cleared"] })
      .notNull()
      .default("active"),
    /** The values that raised it (and, while active, the latest that matched). */
    values: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    count: integer().notNull().default(1),
    firstSeenAt: timestamp({ withTimezone: true }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull(),
    acknowledgedAt: timestamp({ withTimezone: true }),
    acknowledgedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    ackComment: text(),
    clearedAt: timestamp({ withTimezone: true }),
    clearedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    clearReason: text({ enum: ["auto", "manual"] }),
    /** Dedupe key of the last repeat applied, so a re-processed batch does not count twice. */
    lastDedupKey: text(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("alarms_one_open_per_rule_device")
      .on(t.tenantId, t.ruleId, t.deviceId)
      .where(sql`status <> 'cleared'`),
    index("alarms_tenant_created_idx").on(t.tenantId, t.createdAt),
    // The alarm lists' order (newest first seen first, ties by id).
    index("alarms_tenant_first_seen_idx").on(t.tenantId, t.firstSeenAt, t.id),
    index("alarms_tenant_status_idx").on(t.tenantId, t.status, t.severity),
    index("alarms_tenant_device_idx").on(t.tenantId, t.deviceId, t.createdAt),
    tenantIsolation(),
  ],
);

/** An alarm's timeline: created, repeated (first repeat of a batch), acknowledged, cleared. */
export const alarmEvents = pgTable(
  "alarm_events",
  {
    id: id(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    alarmId: uuid()
      .notNull()
      .references(() => alarms.id, { onDelete: "cascade" }),
    kind: text({ enum: ["created", "acknowledged", "cleared", "commented"] }).notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    comment: text(),
    values: jsonb().$type<Record<string, unknown>>(),
    /** `<stream entry>-<rule>-<device>-<kind>` for events the worker writes: a re-processed batch writes none twice. */
    dedupKey: text(),
  },
  (t) => [
    index("alarm_events_alarm_idx").on(t.tenantId, t.alarmId, t.at),
    uniqueIndex("alarm_events_dedup_key").on(t.tenantId, t.dedupKey),
    tenantIsolation(),
  ],
);

export type AlertRuleRow = typeof alertRules.$inferSelect;
export type AlarmRow = typeof alarms.$inferSelect;
export type AlarmEventRow = typeof alarmEvents.$inferSelect;
