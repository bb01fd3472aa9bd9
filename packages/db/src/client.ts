import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Database = ReturnType<typeof createDb>;
/** A transaction handle or the database itself: query functions accept either. */
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0] | Database;

export interface DbOptions {
  max?: number;
  /**
   * Marks a system client (broker, worker, cross-tenant lookups). RLS is not
   * switched off by any setting: `url` must name the BYPASSRLS role
   * (DATABASE_URL); `assertDatabaseRoles` checks it at start.
   */
  system?: boolean;
  applicationName?: string;
}

/**
 * Creates a drizzle client. What it may see is the role's business: on the
 * tenant role (TENANT_DATABASE_URL) tenant rows are only visible inside
 * `withTenant`; the system role (DATABASE_URL) has BYPASSRLS.
 */
export function createDb(url: string, opts: DbOptions = {}) {
  const client = postgres(url, {
    max: opts.max ?? 10,
    idle_timeout: 30,
    // postgres.js waits 3^n/100 s (up to 20 s) before reconnecting, n counted over the whole pool: after a
    // 6 s outage the broker wrote nothing for another 5-7 s. Capped at 1 s (with jitter), a process resumes
    // about a second after PostgreSQL is back; a down server costs one connect attempt per connection a second.
    backoff: (retries: number) => (0.5 + Math.random() / 2) * Math.min(0.05 * 2 ** retries, 1),
    onnotice: () => {},
    connection: { application_name: opts.applicationName ?? (opts.system ? "aspen-system" : "aspen") },
  });
  const db = drizzle(client, { schema, casing: "snake_case" });
  return Object.assign(db, { $close: () => client.end({ timeout: 5 }) });
}
