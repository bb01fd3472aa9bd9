import type { ThingModel } from "@aspen/core";
import { sql } from "drizzle-orm";
import { bigint, boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, tenantIsolation, updatedAt } from "./_rls";
import { tenants } from "./tenancy";
import { users } from "./identity";

/** A product is a device model: its thing model validates everything its devices send. */
export const products = pgTable(
  "products",
  {
    id: id(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    name: text().notNull(),
    description: text().notNull().default(""),
    thingModel: jsonb().$type<ThingModel>().notNull(),
    /** What the broker does with telemetry keys the thing model does not declare. */
    unknownKeys: text({ enum: ["reject", "keep"] })
      .notNull()
      .default("reject"),
    /** Self-registration over HTTP with product key + product secret. */
    selfRegister: boolean().notNull().default(false),
    productKey: text().notNull(),
    productSecretHash: text(),
    productSecretHint: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("products_tenant_name_key").on(t.tenantId, t.name),
    uniqueIndex("products_key_key").on(t.productKey),
    tenantIsolation(),
  ],
);

export const devices = pgTable(
  "devices",
  {
    id: id(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: "restrict" }),
    name: text().notNull(),
    labels: jsonb().$type<Record<string, string>>().notNull().default({}),
    /** sha256 of the device secret (also the ThingsBoard-style access token). */
    secretHash: text().notNull(),
    secretHint: text().notNull(),
    enabled: boolean().notNull().default(true),
    online: boolean().notNull().default(false),
    lastSeenAt: timestamp({ withTimezone: true }),
    lastConnectedAt: timestamp({ withTimezone: true }),
    /** Latest telemetry values by key: `{ key: { ts, value } }`. */
    latest: jsonb().$type<Record<string, { ts: number; value: number | boolean | string }>>().notNull().default({}),
    /** Device shadow: reported (by the device) and desired (by the cloud) attributes, with a version. */
    reported: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    desired: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    shadowVersion: integer().notNull().default(0),
    messageCount: bigint({ mode: "number" }).notNull().default(0),
    errorCount: bigint({ mode: "number" }).notNull().default(0),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("devices_tenant_name_key").on(t.tenantId, t.name),
    uniqueIndex("devices_secret_hash_key").on(t.secretHash),
    // Lists order by (created_at, id): devices made in one transaction share created_at, so the id is in the key.
    index("devices_tenant_created_idx").on(t.tenantId, t.createdAt, t.id),
    // A product's devices in list order: a page filtered by product reads the page, not all of the product's
    // devices to sort them (the planner takes tenant and product as independent and expects few).
    index("devices_tenant_product_created_idx").on(t.tenantId, t.productId, t.createdAt, t.id),
    index("devices_labels_idx").using("gin", t.labels),
    tenantIsolation(),
  ],
);

/**
 * Telemetry: one row per (device, key, ts) with typed value columns.
 * The table is range-partitioned by ts in a custom migration; drizzle
 * only knows its columns.
 */
export const telemetry = pgTable(
  "telemetry",
  {
    tenantId: uuid().notNull(),
    deviceId: uuid().notNull(),
    key: text().notNull(),
    ts: timestamp({ withTimezone: true, mode: "date" }).notNull(),
    valueNum: doublePrecision(),
    valueBool: boolean(),
    valueStr: text(),
  },
  (t) => [uniqueIndex("telemetry_device_key_ts_key").on(t.tenantId, t.deviceId, t.key, t.ts), tenantIsolation()],
);

export const deviceEvents = pgTable(
  "device_events",
  {
    id: id(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    deviceId: uuid()
      .notNull()
      .references(() => devices.id, { onDelete: "cascade" }),
    event: text().notNull(),
    level: text({ enum: ["info", "warning", "fault"] }).notNull(),
    params: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    ts: timestamp({ withTimezone: true }).notNull(),
    /** Idempotency key of the MQTT message that carried it, so redelivery does not duplicate. */
    dedupKey: text(),
  },
  (t) => [
    index("device_events_device_ts_idx").on(t.tenantId, t.deviceId, t.ts),
    uniqueIndex("device_events_dedup_key").on(t.tenantId, t.deviceId, t.dedupKey),
    tenantIsolation(),
  ],
);

export const deviceConnections = pgTable(
  "device_connections",
  {
    id: id(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    deviceId: uuid()
      .notNull()
      .references(() => devices.id, { onDelete: "cascade" }),
    brokerId: text().notNull(),
    clientId: text().notNull(),
    ip: text(),
    protocol: text().notNull(),
    protocolVersion: integer(),
    connectedAt: timestamp({ withTimezone: true }).notNull(),
    disconnectedAt: timestamp({ withTimezone: true }),
    reason: text(),
  },
  (t) => [index("device_connections_device_idx").on(t.tenantId, t.deviceId, t.connectedAt), tenantIsolation()],
);

/** Rejected input and refused connections, per device: the device page's "last errors". */
export const deviceErrors = pgTable(
  "device_errors",
  {
    id: id(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    deviceId: uuid()
      .notNull()
      .references(() => devices.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    reason: text().notNull(),
    topic: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("device_errors_device_idx").on(t.tenantId, t.deviceId, t.at), tenantIsolation()],
);

export const commands = pgTable(
  "commands",
  {
    id: id(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    deviceId: uuid()
      .notNull()
      .references(() => devices.id, { onDelete: "cascade" }),
    /** The `<id>` in v1/devices/me/rpc/request/<id>: small, per-device increasing. */
    requestId: integer().notNull(),
    method: text().notNull(),
    params: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    status: text({ enum: ["queued", "sent", "succeeded", "failed", "timed_out", "expired"] })
      .notNull()
      .default("queued"),
    response: jsonb().$type<unknown>(),
    error: text(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    sentAt: timestamp({ withTimezone: true }),
    completedAt: timestamp({ withTimezone: true }),
    /** Queued commands are dropped (expired) when the device has not come online by then. */
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** A sent command without a response by then is timed out. */
    timeoutMs: integer().notNull().default(30000),
  },
  (t) => [
    index("commands_device_idx").on(t.tenantId, t.deviceId, t.createdAt),
    uniqueIndex("commands_device_request_key").on(t.deviceId, t.requestId),
    index("commands_pending_idx")
      .on(t.status, t.expiresAt)
      .where(sql`status in ('queued','sent')`),
    tenantIsolation(),
  ],
);
