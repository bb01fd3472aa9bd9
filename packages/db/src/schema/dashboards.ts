import type { DashboardLayout } from "@aspen/core";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, tenantIsolation, updatedAt } from "./_rls";
import { users } from "./identity";
import { tenants } from "./tenancy";

/**
 * A tenant's dashboard: widgets on a grid, as one JSON layout (validated by core's
 * `dashboardLayoutSchema` before every write). `version` grows by one per save, so that a save made
 * from an older copy is refused instead of silently undoing someone else's.
 */
export const dashboards = pgTable(
  "dashboards",
  {
    id: id(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    name: text().notNull(),
    layout: jsonb().$type<DashboardLayout>().notNull(),
    version: integer().notNull().default(1),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("dashboards_tenant_name_idx").on(t.tenantId, t.name), tenantIsolation()],
);

/**
 * A secret read-only link to one dashboard. The token is shown once; only its SHA-256 is kept (found
 * across tenants by a system connection when the link is opened signed out). Revoked links stay,
 * with the time, for the list.
 */
export const dashboardShares = pgTable(
  "dashboard_shares",
  {
    id: id(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    dashboardId: uuid()
      .notNull()
      .references(() => dashboards.id, { onDelete: "cascade" }),
    tokenHash: text().notNull(),
    tokenHint: text().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("dashboard_shares_dashboard_idx").on(t.tenantId, t.dashboardId, t.createdAt),
    uniqueIndex("dashboard_shares_token_hash_key").on(t.tokenHash),
    tenantIsolation(),
  ],
);

export type DashboardRow = typeof dashboards.$inferSelect;
export type DashboardShareRow = Omit<typeof dashboardShares.$inferSelect, "tokenHash">;
