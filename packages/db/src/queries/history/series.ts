import type { HistorySource } from "@aspen/core";
import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "../../client";
import { executePrepared } from "../../execute-prepared";

/** One bucket of a history series; `avg` etc. are null for an empty bucket (a gap in the chart). */
export interface HistoryBucket {
  /** Bucket start, ms since the epoch. */
  ts: number;
  avg: number | null;
  min: number | null;
  max: number | null;
  count: number;
  /** The range ends inside this bucket (it is still filling, or cut by `to`). */
  partial: boolean;
}

export interface HistoryBucketsRequest {
  deviceId: string;
  key: string;
  from: Date;
  to: Date;
  /** Width in seconds; 86400 means a calendar day in `timeZone` (23 or 25 h across DST). */
  bucketSeconds: number;
  timeZone: string;
  source: HistorySource;
  /** Rollups are complete for data inserted before this: later rows are read raw (see `rollupWatermark`). */
  rolledUpTo?: Date | null;
}

export type HistoryBucketsManyRequest = Omit<HistoryBucketsRequest, "deviceId" | "key"> & {
  series: readonly { deviceId: string; key: string }[];
};

// Booleans count as 0/1 (the rollup trigger and job do the same); strings are left out.
const numeric = sql`coalesce(t.value_num, t.value_bool::int::float8)`;

/**
 * A device key's buckets over [from, to), every bucket present (empty ones with nulls): sub-day widths
 * are fixed-length intervals binned with `date_bin` from local midnight of `from` in `timeZone`; a day is
 * the local calendar day (`date_trunc('day', ts, tz)`). The first bucket starts at or before `from` so
 * that it is whole. Beyond a day's range the buckets combine rollup rows (min, max, sum, count) before
 * the rollup watermark with raw rows after it, so the last minutes are never missing.
 */
export async function historyBuckets(tx: Tx, tenantId: string, r: HistoryBucketsRequest): Promise<HistoryBucket[]> {
  const [only] = await historyBucketsMany(tx, tenantId, { ...r, series: [{ deviceId: r.deviceId, key: r.key }] });
  return only ?? [];
}

type AggRow = { sid: number; ms: string; mn: number | null; mx: number | null; sm: number | null; n: string };

function bucketOf(x: AggRow, partial: boolean): HistoryBucket {
  const n = Number(x.n);
  return {
    ts: Number(x.ms),
    avg: n > 0 && x.sm !== null ? Number(x.sm) / n : null,
    min: n > 0 && x.mn !== null ? Number(x.mn) : null,
    max: n > 0 && x.mx !== null ? Number(x.mx) : null,
    count: n,
    partial,
  };
}

/**
 * As `historyBuckets` for several series in one statement (one index range scan each); results in order. Fixed-width
 * buckets are laid out here from the first bucket's start the statement returns (Postgres only aggregates the rows
 * there are); calendar days, whose length changes across DST, come laid out by Postgres.
 */
export async function historyBucketsMany(tx: Tx, tenantId: string, r: HistoryBucketsManyRequest): Promise<HistoryBucket[][]> {
  if (r.series.length === 0) return [];
  const out: HistoryBucket[][] = r.series.map(() => []);
  if (r.bucketSeconds === 86_400) {
    const result = await executePrepared<AggRow & { partial: boolean }>(tx, historyBucketsSql(tenantId, r));
    for (const x of result) out[Number(x.sid)]?.push(bucketOf(x, x.partial));
    return out;
  }
  // Prepared: its text repeats per series count and rollup cut, and planning it cost more than running it.
  const result = await executePrepared<AggRow>(tx, historyAggregatesSql(tenantId, r));
  const step = r.bucketSeconds * 1000;
  const to = r.to.getTime();
  const until = Math.min(to, Date.now());
  const filled = r.series.map(() => new Map<number, AggRow>());
  let start: number | undefined;
  for (const x of result) {
    if (x.sid < 0) start = Number(x.ms);
    else filled[Number(x.sid)]?.set(Number(x.ms), x);
  }
  if (start === undefined) return out;
  for (const [sid, rows] of filled.entries()) {
    const list = out[sid] ?? [];
    for (let b = start; b < to; b += step) {
      const x = rows.get(b);
      list.push(x ? bucketOf(x, b + step > until) : { ts: b, avg: null, min: null, max: null, count: 0, partial: b + step > until });
    }
  }
  return out;
}

/** The parts both statements share: the CTE head (ending in a comma), the rows to aggregate and how they are binned. */
function statementParts(tenantId: string, r: HistoryBucketsManyRequest | HistoryBucketsRequest) {
  const list = "series" in r ? r.series : [{ deviceId: r.deviceId, key: r.key }];
  const tz = r.timeZone;
  const isDay = r.bucketSeconds === 86_400;
  const step = sql`make_interval(secs => ${r.bucketSeconds})`;
  // Local midnight of `from`, computed once (in a CTE: `date_trunc` with a zone is not folded into a constant).
  const origin = sql`(select o from origin)`;
  const binOf = (ts: SQL) => (isDay ? sql`date_trunc('day', ${ts}, ${tz})` : sql`date_bin(${step}, ${ts}, ${origin})`);
  const to = sql`${r.to.toISOString()}::timestamptz`;
  const start = binOf(sql`${r.from.toISOString()}::timestamptz`);
  const series = sql.join(
    list.map((x, i) => sql`(${i}::int, ${x.deviceId}::uuid, ${x.key}::text)`),
    sql`, `,
  );
  const buckets = isDay
    ? sql`select (g at time zone ${tz}) as b, ((g + interval '1 day') at time zone ${tz}) as e
        from generate_series((select s from bounds) at time zone ${tz}, (${to} - interval '1 microsecond') at time zone ${tz}, interval '1 day') g`
    : sql`select g as b, g + ${step} as e from generate_series((select s from bounds), ${to} - interval '1 microsecond', ${step}) g`;
  // Per series one range scan of the unique index (tenant, device, key, ts), its device and key written into the
  // scan (not joined from `sr`): the plan then never depends on statistics of a freshly filled table.
  const perSeries = (scan: (x: { deviceId: string; key: string }, sid: number) => SQL) =>
    sql.join(
      list.map((x, i) => scan(x, i)),
      sql` union all `,
    );
  const rawRows = (from: SQL) =>
    perSeries(
      (x, sid) => sql`
    select ${sid}::int as sid, t.ts as ts, ${numeric} as mn, ${numeric} as mx, ${numeric} as sm, 1::int8 as n
    from telemetry t
    where t.tenant_id = ${tenantId} and t.device_id = ${x.deviceId}::uuid and t.key = ${x.key}::text
      and t.ts >= ${from} and t.ts < ${to} and ${numeric} is not null`,
    );
  const head = sql`with origin as (select date_trunc('day', ${r.from.toISOString()}::timestamptz, ${tz}) as o),
    bounds as (select ${start} as s), sr (sid, device_id, key) as (values ${series}),`;
  let rows: SQL;
  if (r.source === "raw") {
    rows = rawRows(sql`(select s from bounds)`);
  } else {
    // Each rollup holds whole buckets before the watermark: hours of the 1 h rollup up to the watermark's hour,
    // then minutes of the 1 min rollup up to its minute, then raw rows (so the newest minutes are never missing
    // and at most one minute of them is read raw).
    const rollupRows = (table: SQL, from: SQL, until: SQL) =>
      perSeries(
        (x, sid) => sql`
      select ${sid}::int as sid, ru.bucket as ts, ru.min as mn, ru.max as mx, ru.sum as sm, ru.count as n
      from ${table} ru
      where ru.tenant_id = ${tenantId} and ru.device_id = ${x.deviceId}::uuid and ru.key = ${x.key}::text
        and ru.bucket >= ${from} and ru.bucket < ${until}`,
      );
    // The cuts are computed here: whole hours and whole minutes (UTC) of the watermark, at most `to`. The first bucket
    // starts at or before `from`, so a cut at or after `from` needs no comparison with it (and prunes partitions).
    const s0 = sql`(select s from bounds)`;
    const toMs = r.to.getTime();
    const wm = r.rolledUpTo ? r.rolledUpTo.getTime() : -Infinity;
    const hourMs = Math.min(toMs, Math.floor(wm / 3_600_000) * 3_600_000);
    const minuteMs = Math.min(toMs, Math.floor(wm / 60_000) * 60_000);
    const at = (ms: number) => (Number.isFinite(ms) ? sql`${new Date(ms).toISOString()}::timestamptz` : sql`'-infinity'::timestamptz`);
    const fromCut = (ms: number) => (ms >= r.from.getTime() ? at(ms) : sql`greatest(${at(ms)}, ${s0})`);
    const parts: SQL[] = [];
    const hours = r.source === "rollup_1h" && Number.isFinite(hourMs);
    if (hours) parts.push(rollupRows(sql`telemetry_rollup_1h`, s0, at(hourMs)));
    if (Number.isFinite(minuteMs) && (!hours || minuteMs > hourMs))
      parts.push(rollupRows(sql`telemetry_rollup_1m`, hours ? fromCut(hourMs) : s0, at(minuteMs)));
    if (minuteMs < toMs) parts.push(rawRows(fromCut(minuteMs)));
    rows = sql.join(parts, sql` union all `);
  }
  const agg = sql`agg as (
      select x.sid, ${binOf(sql`x.ts`)} as b, min(x.mn) as mn, max(x.mx) as mx, sum(x.sm) as sm, sum(x.n) as n
      from (${rows}) x group by 1, 2
    )`;
  return { head, agg, buckets, to };
}

/** The statement `historyBucketsMany` runs for calendar days: every bucket, empty ones included, with its partial flag. */
export function historyBucketsSql(tenantId: string, r: HistoryBucketsManyRequest | HistoryBucketsRequest): SQL {
  const { head, agg, buckets, to } = statementParts(tenantId, r);
  return sql`
    ${head}
    buckets as (${buckets}),
    ${agg}
    select sr.sid, (extract(epoch from buckets.b) * 1000)::int8 as ms, agg.mn, agg.mx, agg.sm, coalesce(agg.n, 0) as n,
      buckets.e > least(${to}, now()) as partial
    from sr cross join buckets left join agg on agg.sid = sr.sid and agg.b = buckets.b
    order by sr.sid, buckets.b`;
}

/**
 * The statement `historyBucketsMany` runs for fixed-width buckets (and bench/history EXPLAINs): the non-empty buckets
 * per series, and a row with series -1 holding the first bucket's start.
 */
export function historyAggregatesSql(tenantId: string, r: HistoryBucketsManyRequest | HistoryBucketsRequest): SQL {
  const { head, agg } = statementParts(tenantId, r);
  return sql`
    ${head}
    ${agg}
    select -1 as sid, (extract(epoch from (select s from bounds)) * 1000)::int8 as ms,
      null::float8 as mn, null::float8 as mx, null::float8 as sm, 0::numeric as n
    union all
    select agg.sid, (extract(epoch from agg.b) * 1000)::int8, agg.mn, agg.mx, agg.sm, agg.n from agg`;
}

/** A raw value of a device key. */
export interface HistoryRawPoint {
  ts: number;
  value: number | boolean | string | null;
}

/**
 * The values of a device key in [from, to), oldest first, at most `limit` (the oldest ones; callers ask
 * for one more than they draw to learn that the range holds more). Strings and booleans come as they are.
 */
export async function historyRawPoints(
  tx: Tx,
  tenantId: string,
  r: { deviceId: string; key: string; from: Date; to: Date; limit: number },
): Promise<HistoryRawPoint[]> {
  const rows = await tx.execute<{ ms: string; n: number | null; b: boolean | null; s: string | null }>(sql`
    select (extract(epoch from t.ts) * 1000)::int8 as ms, t.value_num as n, t.value_bool as b, t.value_str as s
    from telemetry t
    where t.tenant_id = ${tenantId} and t.device_id = ${r.deviceId} and t.key = ${r.key}
      and t.ts >= ${r.from.toISOString()}::timestamptz and t.ts < ${r.to.toISOString()}::timestamptz
    order by t.ts limit ${r.limit}`);
  return rows.map((x) => ({ ts: Number(x.ms), value: x.n ?? x.b ?? x.s }));
}
