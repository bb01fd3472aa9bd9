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
    onnotice: () => {},
    connection: { application_name: opts.applicationName ?? (opts.system ? "aspen-system" : "aspen") },
  });
  const db = drizzle(client, { schema, casing: "snake_case" });
  return Object.assign(db, { $close: () => client.end({ timeout: 5 }) });
}
