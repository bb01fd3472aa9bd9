import { sql } from "drizzle-orm";
import type { Database, Tx } from "./client";
import { executePrepared } from "./execute-prepared";

/**
 * Runs `fn` in a transaction whose RLS tenant is `tenantId`. Every query of
 * tenant data in the web app goes through here; `tenantId` must come from a
 * resolved membership, token or API key, never from client input alone.
 */
export function withTenant<T>(db: Database, tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    // Prepared (postgres.js sends an unnamed statement's Parse and waits for its parameter types before the
    // Bind: two round trips) and not awaited before `fn` starts: postgres.js sends what a connection is given
    // within one turn of the event loop in one write, so the setting goes out with `fn`'s first statement, and
    // PostgreSQL runs a connection's statements in the order they came. Two writes and round trips less.
    // The setting reaches postgres.js first: its query is started here, `fn` one microtask later, and no
    // statement gets from drizzle (or postgres.js' own `execute()`) to the connection in fewer microtasks.
    const setting = executePrepared(tx, sql`select set_config('app.tenant_id', ${tenantId}, true)`);
    const work = Promise.resolve().then(() => fn(tx));
    try {
      await setting;
    } catch (err) {
      // The transaction is aborted, so `fn`'s statements fail too: let them settle before the rollback.
      await work.catch(() => {});
      throw err;
    }
    return work;
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
