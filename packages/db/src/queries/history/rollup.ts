import { sql } from "drizzle-orm";
import type { Database, Tx } from "../../client";

export interface RollupBatchResult {
  /** Dirty rows taken from the queue (duplicates included). */
  claimed: number;
  /** Distinct (device, key, minute) buckets recomputed. */
  minutes: number;
  /** Distinct (device, key, hour) buckets recomputed. */
  hours: number;
}

const numeric = sql`coalesce(t.value_num, t.value_bool::int::float8)`;

/**
 * Takes up to `limit` rows of `telemetry_dirty` and recomputes exactly the 1-minute buckets they name
 * from raw telemetry, then the 1-hour buckets those minutes fall in from the 1-minute rollup. One
 * transaction: if it fails, the dirty rows come back.
 * Recomputing is idempotent (rows are replaced whole), so running it twice changes nothing.
 * Needs a system transaction (it spans tenants).
 */
export async function rollupDirtyBatch(tx: Tx, limit: number): Promise<RollupBatchResult> {
  // Claimed rows go to a temporary table: later statements cannot see what a data-modifying CTE returned.
  await tx.execute(
    sql`create temp table if not exists rollup_dirty_m (tenant_id uuid, device_id uuid, key text, bucket timestamptz) on commit delete rows`,
  );
  await tx.execute(
    sql`create temp table if not exists rollup_dirty_h (tenant_id uuid, device_id uuid, key text, bucket timestamptz) on commit delete rows`,
  );
  const [c] = await tx.execute<{ claimed: string; minutes: string }>(sql`
    with claimed as (
      delete from telemetry_dirty
      where ctid = any(array(select ctid from telemetry_dirty limit ${limit} for update skip locked))
      returning tenant_id, device_id, key, bucket
    ), ins as (
      insert into rollup_dirty_m select distinct tenant_id, device_id, key, bucket from claimed returning 1
    )
    select (select count(*) from claimed) as claimed, (select count(*) from ins) as minutes`);
  const claimed = Number(c?.claimed ?? 0);
  if (claimed === 0) return { claimed: 0, minutes: 0, hours: 0 };
  // LATERAL: one index range scan per dirty bucket (a plain join was planned as a merge join over every
  // row of the partitions: 10× slower). Upserts replace whole rows; rows only ever disappear through
  // retention, which deletes the rollups too, so there is nothing to delete here.
  await tx.execute(sql`
    insert into telemetry_rollup_1m (tenant_id, device_id, key, bucket, min, max, sum, count)
    select d.tenant_id, d.device_id, d.key, d.bucket, x.mn, x.mx, x.sm, x.n
    from rollup_dirty_m d cross join lateral (
      select min(${numeric}) as mn, max(${numeric}) as mx, sum(${numeric}) as sm, count(*) as n
      from telemetry t
      where t.tenant_id = d.tenant_id and t.device_id = d.device_id and t.key = d.key
        and t.ts >= d.bucket and t.ts < d.bucket + interval '1 minute' and ${numeric} is not null
    ) x
    where x.n > 0
    on conflict (tenant_id, device_id, key, bucket) do update
      set min = excluded.min, max = excluded.max, sum = excluded.sum, count = excluded.count`);
  const [h] = await tx.execute<{ n: string }>(sql`
    with ins as (
      insert into rollup_dirty_h
      select distinct tenant_id, device_id, key, date_bin(interval '1 hour', bucket, timestamptz 'epoch') from rollup_dirty_m
      returning 1
    ) select count(*) as n from ins`);
  await tx.execute(sql`
    insert into telemetry_rollup_1h (tenant_id, device_id, key, bucket, min, max, sum, count)
    select d.tenant_id, d.device_id, d.key, d.bucket, x.mn, x.mx, x.sm, x.n
    from rollup_dirty_h d cross join lateral (
      select min(m.min) as mn, max(m.max) as mx, sum(m.sum) as sm, sum(m.count) as n
      from telemetry_rollup_1m m
      where m.tenant_id = d.tenant_id and m.device_id = d.device_id and m.key = d.key
        and m.bucket >= d.bucket and m.bucket < d.bucket + interval '1 hour'
    ) x
    where x.n > 0
    on conflict (tenant_id, device_id, key, bucket) do update
      set min = excluded.min, max = excluded.max, sum = excluded.sum, count = excluded.count`);
  return { claimed, minutes: Number(c?.minutes ?? 0), hours: Number(h?.n ?? 0) };
}

export interface RollupRunResult extends RollupBatchResult {
  batches: number;
  /** False when another run held the lock (nothing was done). */
  ran: boolean;
  rolledUpTo: Date | null;
}

// pg_advisory lock key of a rollup batch: one batch at a time across workers (recomputes never race).
const lockKey = 0x61737065; // "aspe"

/**
 * Drains the dirty queue in batches of `batchSize`, each its own short transaction (at most
 * `maxBatches`), then — when the queue was emptied — moves the watermark to the run's start: every row
 * inserted before it is in the rollups. A batch that finds another one holding the lock ends the run.
 */
export async function runRollup(db: Database, opts: { batchSize?: number; maxBatches?: number } = {}): Promise<RollupRunResult> {
  const batchSize = opts.batchSize ?? 5000;
  const maxBatches = opts.maxBatches ?? 200;
  const [clock] = await db.execute<{ started: Date | string }>(sql`select clock_timestamp() as started`);
  const started = new Date(clock!.started);
  const total: RollupRunResult = { claimed: 0, minutes: 0, hours: 0, batches: 0, ran: false, rolledUpTo: null };
  for (let i = 0; i < maxBatches; i++) {
    const r = await db.transaction(async (tx) => {
      const [lock] = await tx.execute<{ ok: boolean }>(sql`select pg_try_advisory_xact_lock(${lockKey}) as ok`);
      return lock?.ok ? rollupDirtyBatch(tx, batchSize) : null;
    });
    if (!r) return total;
    total.ran = true;
    total.batches++;
    total.claimed += r.claimed;
    total.minutes += r.minutes;
    total.hours += r.hours;
    if (r.claimed < batchSize) {
      await db.execute(sql`
        insert into telemetry_rollup_state (id, rolled_up_to, updated_at) values (1, ${started.toISOString()}::timestamptz, now())
        on conflict (id) do update set rolled_up_to = greatest(telemetry_rollup_state.rolled_up_to, excluded.rolled_up_to), updated_at = now()`);
      total.rolledUpTo = started;
      return total;
    }
  }
  return total;
}

/** Rollups hold every telemetry row inserted before this (null before the first complete run). */
export async function rollupWatermark(tx: Tx): Promise<Date | null> {
  const [row] = await tx.execute<{ t: Date | string | null }>(sql`select rolled_up_to as t from telemetry_rollup_state where id = 1`);
  return row?.t ? new Date(row.t) : null;
}
