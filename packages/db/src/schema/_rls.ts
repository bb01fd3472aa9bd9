import { sql } from "drizzle-orm";
import { pgPolicy, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Row-level security for tenant tables: a row is visible only when the
 * transaction-local `app.tenant_id` names its tenant. There is no setting
 * that switches it off: system work (broker, worker, sign-in lookups) connects
 * as a role with BYPASSRLS (DATABASE_URL), tenant work as one without
 * (TENANT_DATABASE_URL). FORCE ROW LEVEL SECURITY (custom migrations) makes
 * the owner subject to it too.
 */
export const tenantIsolation = () =>
  pgPolicy("tenant_isolation", {
    as: "permissive",
    for: "all",
    using: sql`tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid`,
    withCheck: sql`tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid`,
  });

export const id = () => uuid().primaryKey().defaultRandom();
export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
