import { sql } from "drizzle-orm";
import type { Tx } from "../../client";

/** A round trip to the database, for start-up and /healthz. */
export async function pingDatabase(tx: Tx): Promise<void> {
  await tx.execute(sql`select 1`);
}
