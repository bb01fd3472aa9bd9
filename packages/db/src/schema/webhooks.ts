import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgPolicy, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, tenantIsolation, updatedAt } from "./_rls";
import { users } from "./identity";
import { tenants } from "./tenancy";

/** A tenant's webhook endpoint. The signing secret is in `webhook_secrets`, never here. */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: id(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    url: text().notNull(),
    description: text().notNull().default(""),
    /** Subscribed event types; empty = every type except the opt-in ones. */
    eventTypes: text().array().notNull().default([]),
    enabled: boolean().notNull().default(true),
    disabledReason: text({ enum: ["manual", "gone", "failing"] }),
    secretHint: text().notNull(),
    /** First failure since the last success: failing for 3 days disables the endpoint. */
    failingSince: timestamp({ withTimezone: true }),
    lastSuccessAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("webhook_endpoints_tenant_idx").on(t.tenantId, t.createdAt), tenantIsolation()],
);

/**
 * Signing secrets. Standard Webhooks signs with the secret itself, so it cannot be hashed: it is
 * kept as-is in this table, whose policy lets only system connections (worker, and the web app's
 * system client when creating or rotating) read or write it — a tenant-scoped transaction never
 * sees it. During a rotation the old secret stays until `expiresAt` and both sign.
 */
export const webhookSecrets = pgTable(
  "webhook_secrets",
  {
    id: id(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    endpointId: uuid()
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    secret: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("webhook_secrets_endpoint_idx").on(t.tenantId, t.endpointId),
    pgPolicy("system_only", {
      as: "permissive",
      for: "all",
      // Signing secrets: no tenant session sees them; only the system role (BYPASSRLS) reads them.
      using: sql`false`,
      withCheck: sql`false`,
    }),
  ],
);

/** One event for one endpoint; `webhook-id` is the event id, the same on every attempt. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: id(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    endpointId: uuid()
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    eventId: uuid().notNull(),
    eventType: text().notNull(),
    /** The exact bytes sent (and signed). */
    body: text().notNull(),
    status: text({ enum: ["pending", "delivered", "retrying", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer().notNull().default(0),
    /** Replays of this delivery (each a fresh round of attempts with the same webhook-id). */
    replays: integer().notNull().default(0),
    lastStatus: integer(),
    nextAttemptAt: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_endpoint_event_key").on(t.tenantId, t.endpointId, t.eventId),
    index("webhook_deliveries_endpoint_idx").on(t.tenantId, t.endpointId, t.createdAt),
    tenantIsolation(),
  ],
);

/** Every HTTP attempt of a delivery, as the delivery log shows it. */
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: id(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    deliveryId: uuid()
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    attempt: integer().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    url: text().notNull(),
    requestHeaders: jsonb().$type<Record<string, string>>().notNull(),
    requestBody: text().notNull(),
    responseStatus: integer(),
    responseBody: text(),
    error: text(),
    durationMs: integer().notNull(),
  },
  (t) => [index("webhook_attempts_delivery_idx").on(t.tenantId, t.deliveryId, t.at), tenantIsolation()],
);

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
export type WebhookAttemptRow = typeof webhookAttempts.$inferSelect;
