import { createDb, type Database } from "@aspen/db";
import { getEnv } from "../env";

const g = globalThis as unknown as { __aspenDb?: Database; __aspenSystemDb?: Database };

/**
 * The tenant-safe client (TENANT_DATABASE_URL, a role without BYPASSRLS that
 * owns nothing): tenant rows are only visible inside `withTenant(db, tenantId, …)`.
 */
export function getDb(): Database {
  g.__aspenDb ??= createDb(getEnv().TENANT_DATABASE_URL, { max: 10, applicationName: "aspen-web" });
  return g.__aspenDb;
}

/**
 * The system client (DATABASE_URL, the BYPASSRLS role). Only for sign-in,
 * invitation lookups, cross-tenant membership lists and audit writes.
 */
export function getSystemDb(): Database {
  g.__aspenSystemDb ??= createDb(getEnv().DATABASE_URL, { max: 4, system: true, applicationName: "aspen-web-system" });
  return g.__aspenSystemDb;
}
