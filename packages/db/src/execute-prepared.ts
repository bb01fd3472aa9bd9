import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Tx } from "./client";

// Raw SQL only: column casing never applies to it.
const dialect = new PgDialect();

/**
 * Runs a raw statement as a named prepared statement of its connection (postgres.js keeps one per text and
 * connection), so PostgreSQL parses and plans it once instead of on every call: `tx.execute` sends every
 * statement unnamed. For hot statements whose text repeats (the same shape with other parameters).
 */
export async function executePrepared<T extends Record<string, unknown>>(tx: Tx, query: SQL): Promise<T[]> {
  const prepared = tx._.session.prepareQuery<{ execute: T[]; all: T[]; values: unknown[][] }>(
    dialect.sqlToQuery(query),
    undefined,
    "prepared",
    false,
  );
  return prepared.execute();
}
