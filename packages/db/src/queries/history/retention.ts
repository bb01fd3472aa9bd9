import { sql, type SQL } from "drizzle-orm";
import type { Database, Tx } from "../../client";

/** Longest retention a tenant may set (days). */
export const maxRetentionDays = 730;
export const defaultRetentionDays = 30;

/** Every tenant's retention in days. Needs a system transaction. */
export async function tenantRetentions(tx: Tx): Promise<{ tenantId: string; retentionDays: number }[]> {
  const rows = await tx.execute<{ id: string; days: number }>(sql`select id, retention_days as days from tenants order by id`);
  return rows.map((r) => ({ tenantId: r.id, retentionDays: Number(r.days) }));
}

export async function setTenantRetention(tx: Tx, tenantId: string, days: number): Promise<boolean> {
  const r = await tx.execute(sql`update tenants set retention_days = ${days} where id = ${tenantId}`);
  return (r.count ?? 0) > 0;
}

/** What retention deletes, per table: the statement deleting up to `limit` of a tenant's rows older than `cutoff`. */
const expired: Record<string, (tenantId: string, cutoff: string, limit: number) => SQL> = {
  // By the unique key (ctid is not unique across partitions); pruning keeps it to old partitions.
  telemetry: (t, c, n) => sql`
    delete from telemetry x using (
      select device_id, key, ts from telemetry where tenant_id = ${t} and ts < ${c}::timestamptz limit ${n}
    ) d where x.tenant_id = ${t} and x.device_id = d.device_id and x.key = d.key and x.ts = d.ts and x.ts < ${c}::timestamptz`,
  device_events: (t, c, n) => sql`
    delete from device_events where id in (select id from device_events where tenant_id = ${t} and ts < ${c}::timestamptz limit ${n})`,
  // Connections still open are kept, however old: the broker closes them.
  device_connections: (t, c, n) => sql`
    delete from device_connections where id in (
      select id from device_connections where tenant_id = ${t} and disconnected_at < ${c}::timestamptz limit ${n})`,
  device_errors: (t, c, n) => sql`
    delete from device_errors where id in (select id from device_errors where tenant_id = ${t} and at < ${c}::timestamptz limit ${n})`,
  telemetry_rollup_1m: (t, c, n) => sql`
    delete from telemetry_rollup_1m x using (
      select device_id, key, bucket from telemetry_rollup_1m where tenant_id = ${t} and bucket < ${c}::timestamptz limit ${n}
    ) d where x.tenant_id = ${t} and x.device_id = d.device_id and x.key = d.key and x.bucket = d.bucket`,
  telemetry_rollup_1h: (t, c, n) => sql`
    delete from telemetry_rollup_1h x using (
      select device_id, key, bucket from telemetry_rollup_1h where tenant_id = ${t} and bucket < ${c}::timestamptz limit ${n}
    ) d where x.tenant_id = ${t} and x.device_id = d.device_id and x.key = d.key and x.bucket = d.bucket`,
};

export const retentionTables = Object.keys(expired);

export interface RetentionResult {
  deleted: Record<string, number>;
  batches: number;
  /** Whether every expired row was reached (false when `maxBatches` ran out first). */
  complete: boolean;
}

/**
 * Deletes a tenant's rows older than `cutoff` from every retained table, `batchSize` rows per
 * statement, each batch its own short transaction with a lock timeout (so it never queues behind, or
 * holds up, anything for long). Stops after `maxBatches`; the next run goes on. Rows at or after the
 * cutoff and other tenants' rows are never touched.
 */
export async function deleteExpiredRows(
  db: Database,
  tenantId: string,
  cutoff: Date,
  opts: { batchSize: number; maxBatches: number },
): Promise<RetentionResult> {
  const deleted: Record<string, number> = {};
  let batches = 0;
  for (const [table, statement] of Object.entries(expired)) {
    deleted[table] = 0;
    for (;;) {
      if (batches >= opts.maxBatches) return { deleted, batches, complete: false };
      const n = await db.transaction(async (tx) => {
        await tx.execute(sql`set local lock_timeout = '2s'`);
        await tx.execute(sql`set local statement_timeout = '30s'`);
        const r = await tx.execute(statement(tenantId, cutoff.toISOString(), opts.batchSize));
        return r.count ?? 0;
      });
      batches++;
      deleted[table] += n;
      if (n < opts.batchSize) break;
    }
  }
  return { deleted, batches, complete: true };
}

/** The monthly telemetry partitions (`telemetry_YYYYMM`) and the instant each ends. */
export async function telemetryPartitions(tx: Tx): Promise<{ name: string; from: Date; to: Date }[]> {
  const rows = await tx.execute<{ name: string }>(sql`
    select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = 'telemetry'::regclass order by c.relname`);
  return rows.flatMap((r) => {
    const m = /^telemetry_(\d{4})(\d{2})$/.exec(r.name);
    if (!m) return [];
    const y = Number(m[1]);
    const mo = Number(m[2]) - 1;
    return [{ name: r.name, from: new Date(Date.UTC(y, mo, 1)), to: new Date(Date.UTC(y, mo + 1, 1)) }];
  });
}

/**
 * Drops the monthly partitions that end at or before `cutoff` (the oldest start any tenant keeps):
 * whole months only, never the default partition. Detaching takes a short exclusive lock on the
 * parent, bounded by a lock timeout; a partition that cannot be locked now is left for the next run.
 */
export async function dropPartitionsBefore(db: Database, cutoff: Date): Promise<{ dropped: string[]; skipped: string[] }> {
  const dropped: string[] = [];
  const skipped: string[] = [];
  for (const p of await telemetryPartitions(db)) {
    if (p.to.getTime() > cutoff.getTime()) continue;
    try {
      // Detach + drop as the tables' owner (the system role owns nothing), 3 s lock timeout.
      await db.execute(sql`select aspen_drop_telemetry_partition(${p.name})`);
      dropped.push(p.name);
    } catch {
      skipped.push(p.name);
    }
  }
  return { dropped, skipped };
}
