import { sql } from "drizzle-orm";
import type { Tx } from "./client";

/** Creates monthly telemetry partitions from last month to `monthsAhead` months ahead (idempotent). */
export async function ensureTelemetryPartitions(db: Tx, monthsAhead: number): Promise<void> {
  await db.execute(sql`select aspen_ensure_telemetry_partitions(now() - interval '1 month', ${monthsAhead + 1}::int)`);
}
