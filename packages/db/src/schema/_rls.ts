import { sql } from "drizzle-orm";
import { pgPolicy, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Row-level security for tenant tables: a row is visible only when the
 * transaction-local `app.tenant_id` names its tenant, or when the connection
 * is a system connection (`app.bypass_rls = on`, set by createSystemDb).
 * FORCE ROW LEVEL SECURITY is applied in a custom migration so the owner
 * role the app connects with is subject to it too.
 */
export const tenantIsolation = () =>
  pgPolicy("tenant_isolation", {
    as: "permissive",
    for: "all",
    using: sql`tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on'`,
    withCheck: sql`tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid OR current_setting('app.bypass_rls', true) = 'on'`,
  });

export const id = () => uuid().primaryKey().defaultRandom();
export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
