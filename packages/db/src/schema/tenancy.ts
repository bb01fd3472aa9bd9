import { planIds } from "@aspen/core";
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, tenantIsolation } from "./_rls";
import { users } from "./identity";

export const tenants = pgTable(
  "tenants",
  {
    id: id(),
    slug: text().notNull(),
    name: text().notNull(),
    /** `suspended` tenants' devices are refused at the broker. */
    status: text({ enum: ["active", "suspended"] })
      .notNull()
      .default("active"),
    /** The plan (packages/core `plans`): sets the REST API's per-minute limit. Set by platform operators. */
    plan: text({ enum: planIds }).notNull().default("free"),
    /** Telemetry, events, connection history and device errors older than this are deleted (plan setting later). */
    retentionDays: integer().notNull().default(30),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("tenants_slug_key").on(t.slug)],
);

export const memberships = pgTable(
  "memberships",
  {
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text({ enum: ["owner", "admin", "developer", "viewer"] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId] }), index("memberships_user_idx").on(t.userId), tenantIsolation()],
);

export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    email: text().notNull(),
    role: text({ enum: ["owner", "admin", "developer", "viewer"] }).notNull(),
    /** sha256 of the invitation token; the token itself is only in the link. */
    tokenHash: text().notNull(),
    invitedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    acceptedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("invitations_tenant_idx").on(t.tenantId, t.createdAt),
    uniqueIndex("invitations_token_key").on(t.tokenHash),
    tenantIsolation(),
  ],
);
