import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, tenantIsolation } from "./_rls";
import { users } from "./identity";
import { tenants } from "./tenancy";

/**
 * API keys for a tenant's own scripts. The key (`ak_…`) is shown once; only its SHA-256 is kept with a
 * visible prefix. It acts with its scopes intersected with its creator's current role in the tenant, so
 * a creator who leaves or is demoted takes the key's rights along.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: id(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    name: text().notNull(),
    /** The first characters of the key (`ak_AbCd1234`), to recognise it in lists. */
    prefix: text().notNull(),
    secretHash: text().notNull(),
    scopes: text().array().notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("api_keys_tenant_created_idx").on(t.tenantId, t.createdAt),
    uniqueIndex("api_keys_secret_hash_key").on(t.secretHash),
    tenantIsolation(),
  ],
);
