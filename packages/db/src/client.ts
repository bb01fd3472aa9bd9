import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Database = ReturnType<typeof createDb>;
/** A transaction handle or the database itself: query functions accept either. */
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0] | Database;

export interface DbOptions {
  max?: number;
  /** Connection-level RLS bypass: for the broker, worker and cross-tenant system lookups. */
  system?: boolean;
  applicationName?: string;
}

/**
 * Creates a drizzle client. Tenant data is only visible inside `withTenant`
 * unless `system` is set, in which case every connection bypasses RLS.
 */
export function createDb(url: string, opts: DbOptions = {}) {
  const client = postgres(url, {
    max: opts.max ?? 10,
    idle_timeout: 30,
    onnotice: () => {},
    connection: {
      application_name: opts.applicationName ?? "aspen",
      ...(opts.system ? { "app.bypass_rls": "on" } : {}),
    },
  });
  const db = drizzle(client, { schema, casing: "snake_case" });
  return Object.assign(db, { $close: () => client.end({ timeout: 5 }) });
}
