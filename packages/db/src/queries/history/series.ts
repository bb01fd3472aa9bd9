import type { HistorySource } from "@aspen/core";
import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "../../client";

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

/** As `historyBuckets` for several series in one statement (one index range scan each); results in order. */
export async function historyBucketsMany(tx: Tx, tenantId: string, r: HistoryBucketsManyRequest): Promise<HistoryBucket[][]> {
  if (r.series.length === 0) return [];
  const result = await tx.execute<{
    sid: number;
    ms: string;
    mn: number | null;
    mx: number | null;
    sm: number | null;
    n: string;
    partial: boolean;
  }>(historyBucketsSql(tenantId, r));
  const out: HistoryBucket[][] = r.series.map(() => []);
  for (const x of result) {
    const n = Number(x.n);
    out[Number(x.sid)]!.push({
      ts: Number(x.ms),
      avg: n > 0 && x.sm !== null ? Number(x.sm) / n : null,
      min: n > 0 && x.mn !== null ? Number(x.mn) : null,
      max: n > 0 && x.mx !== null ? Number(x.mx) : null,
      count: n,
      partial: x.partial,
    });
  }
  return out;
}

/** The statement `historyBucketsMany` runs (for EXPLAIN in bench/history). */
export function historyBucketsSql(tenantId: string, r: HistoryBucketsManyRequest | HistoryBucketsRequest): SQL {
  const list = "series" in r ? r.series : [{ deviceId: r.deviceId, key: r.key }];
  const tz = r.timeZone;
  const isDay = r.bucketSeconds === 86_400;
  const step = sql`make_interval(secs => ${r.bucketSeconds})`;
  const origin = sql`date_trunc('day', ${r.from.toISOString()}::timestamptz, ${tz})`;
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
  // Per series a LATERAL range scan of the unique index (tenant, device, key, ts).
  const rawRows = (from: SQL) => sql`
    select sr.sid, t.ts as ts, ${numeric} as mn, ${numeric} as mx, ${numeric} as sm, 1::int8 as n
    from sr cross join lateral (
      select * from telemetry t
      where t.tenant_id = ${tenantId} and t.device_id = sr.device_id and t.key = sr.key
        and t.ts >= ${from} and t.ts < ${to}
    ) t
    where ${numeric} is not null`;
  let head = sql`with bounds as (select ${start} as s), sr (sid, device_id, key) as (values ${series}),`;
  let rows: SQL;
  if (r.source === "raw") {
    rows = rawRows(sql`(select s from bounds)`);
  } else {
    const table = r.source === "rollup_1h" ? sql`telemetry_rollup_1h` : sql`telemetry_rollup_1m`;
    const grain = r.source === "rollup_1h" ? sql`interval '1 hour'` : sql`interval '1 minute'`;
    // Rollup buckets wholly before the watermark; raw rows from there on (aligned to the rollup grain).
    const cut = sql`(select c from cut)`;
    rows = sql`
      select sr.sid, ru.bucket as ts, ru.min as mn, ru.max as mx, ru.sum as sm, ru.count as n
      from sr cross join lateral (
        select * from ${table} ru
        where ru.tenant_id = ${tenantId} and ru.device_id = sr.device_id and ru.key = sr.key
          and ru.bucket >= (select s from bounds) and ru.bucket < ${cut}
      ) ru
      union all
      ${rawRows(sql`greatest(${cut}, (select s from bounds))`)}`;
    const watermark = r.rolledUpTo ? sql`${r.rolledUpTo.toISOString()}::timestamptz` : sql`'-infinity'::timestamptz`;
    head = sql`${head}
      cut as (select least(${to}, date_bin(${grain}, greatest(${watermark}, (select s from bounds)), timestamptz 'epoch')) as c),`;
  }
  return sql`
    ${head}
    buckets as (${buckets}),
    agg as (
      select x.sid, ${binOf(sql`x.ts`)} as b, min(x.mn) as mn, max(x.mx) as mx, sum(x.sm) as sm, sum(x.n) as n
      from (${rows}) x group by 1, 2
    )
    select sr.sid, (extract(epoch from buckets.b) * 1000)::int8 as ms, agg.mn, agg.mx, agg.sm, coalesce(agg.n, 0) as n,
      buckets.e > least(${to}, now()) as partial
    from sr cross join buckets left join agg on agg.sid = sr.sid and agg.b = buckets.b
    order by sr.sid, buckets.b`;
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
