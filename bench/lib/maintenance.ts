import postgres from "postgres";

/** The tables' owner: MIGRATE_DATABASE_URL (as the migrations run), else DATABASE_URL (one role for both). */
export function benchOwnerUrl(): string {
  const url = process.env.MIGRATE_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error("bench: set MIGRATE_DATABASE_URL (scripts/services.sh exports it) to analyse the tables");
  return url;
}

/**
 * `VACUUM (ANALYZE)` or `ANALYZE` of `tables`, connected as their owner (`ownerUrl`). The system role may not,
 * and PostgreSQL then only warns ("skipping …"): a warning is an error here, not a bench on stale statistics.
 */
export async function maintainTables(ownerUrl: string, tables: string[], how: "vacuum analyze" | "analyze" = "analyze"): Promise<void> {
  const skipped: string[] = [];
  const owner = postgres(ownerUrl, { max: 1, onnotice: (n) => void (n.message?.startsWith("skipping") && skipped.push(n.message)) });
  try {
    for (const t of tables) {
      if (!/^[a-z_][a-z0-9_]*$/.test(t)) throw new Error(`bench: not a table name: ${t}`);
      await owner.unsafe(`${how} ${t}`);
    }
  } finally {
    await owner.end({ timeout: 5 });
  }
  if (skipped.length > 0) throw new Error(`bench: ${skipped.join("; ")} (connect as the owner: MIGRATE_DATABASE_URL)`);
}
