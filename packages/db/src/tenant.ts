import { sql } from "drizzle-orm";
import type { Database, Tx } from "./client";

/**
 * Runs `fn` in a transaction whose RLS tenant is `tenantId`. Every query of
 * tenant data in the web app goes through here; `tenantId` must come from a
 * resolved membership, token or API key, never from client input alone.
 */
export function withTenant<T>(db: Database, tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
    return fn(tx);
  });
}

/**
 * Runs `fn` in one transaction on a system client (the BYPASSRLS role), which
 * sees every tenant: sign-in, invitations, platform administration, fixtures.
 * On the tenant role it sees no tenant rows: nothing switches RLS off.
 */
export function withSystem<T>(db: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction((tx) => fn(tx));
}
