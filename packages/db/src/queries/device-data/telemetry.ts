import { and, count, eq, sql } from "drizzle-orm";
import type { Tx } from "../../client";
import { devices, products, telemetry } from "../../schema";
import { productForIngestColumns, type ProductForIngest } from "../broker/products";

/** A device's live state for the console: latest values per key (from the device row), online, last seen. */
export interface DeviceLiveState {
  id: string;
  name: string;
  productId: string;
  enabled: boolean;
  online: boolean;
  lastSeenAt: Date | null;
  lastConnectedAt: Date | null;
  latest: Record<string, { ts: number; value: number | boolean | string }>;
  messageCount: number;
  errorCount: number;
}

const liveStateColumns = {
  id: devices.id,
  name: devices.name,
  productId: devices.productId,
  enabled: devices.enabled,
  online: devices.online,
  lastSeenAt: devices.lastSeenAt,
  lastConnectedAt: devices.lastConnectedAt,
  latest: devices.latest,
  messageCount: devices.messageCount,
  errorCount: devices.errorCount,
};

export async function findDeviceLiveState(tx: Tx, tenantId: string, deviceId: string): Promise<DeviceLiveState | undefined> {
  const [row] = await tx
    .select(liveStateColumns)
    .from(devices)
    .where(and(eq(devices.tenantId, tenantId), eq(devices.id, deviceId)))
    .limit(1)
    .prepare("device_live_state")
    .execute();
  return row;
}

/**
 * A device's live state and its product's thing model in one round trip (what `findDeviceLiveState`
 * and then `findProductForIngest` read); `product` is null when the product is not visible.
 */
export async function findDeviceLiveStateWithProduct(
  tx: Tx,
  tenantId: string,
  deviceId: string,
): Promise<{ device: DeviceLiveState; product: ProductForIngest | null } | undefined> {
  const [row] = await tx
    .select({
      device: liveStateColumns,
      product: productForIngestColumns,
    })
    .from(devices)
    .leftJoin(products, eq(products.id, devices.productId))
    .where(and(eq(devices.tenantId, tenantId), eq(devices.id, deviceId)))
    .limit(1)
    .prepare("device_live_state_with_product")
    .execute();
  return row;
}

/** One point of a series: aggregated over a bucket (or a raw value, where avg = min = max and count = 1). */
export interface SeriesPoint {
  /** Start of the bucket (or the raw timestamp), ms since the epoch. */
  ts: number;
  avg: number;
  min: number;
  max: number;
  count: number;
}

export interface SeriesRequest {
  deviceId: string;
  key: string;
  from: Date;
  to: Date;
  /** Bucket width; null for raw values. */
  bucketSeconds: number | null;
  /** Most points returned (raw values are the newest `limit` in the range). */
  limit: number;
}

// Booleans chart as 0/1; strings are not charted.
const numericValue = sql`coalesce(${telemetry.valueNum}, ${telemetry.valueBool}::int::float8)`;

/**
 * A key's values in [from, to): aggregated into `date_bin` buckets aligned on the epoch, or raw.
 * Rows without a numeric (or boolean) value are skipped.
 */
export async function telemetrySeries(tx: Tx, tenantId: string, r: SeriesRequest): Promise<SeriesPoint[]> {
  const where = sql`${telemetry.tenantId} = ${tenantId} and ${telemetry.deviceId} = ${r.deviceId}
    and ${telemetry.key} = ${r.key} and ${telemetry.ts} >= ${r.from.toISOString()}::timestamptz
    and ${telemetry.ts} < ${r.to.toISOString()}::timestamptz and ${numericValue} is not null`;
  if (r.bucketSeconds === null) {
    const rows = await tx.execute<{ ms: string; v: number }>(sql`
      select * from (
        select (extract(epoch from ${telemetry.ts}) * 1000)::int8 as ms, ${numericValue} as v
        from ${telemetry} where ${where}
        order by ${telemetry.ts} desc limit ${r.limit}
      ) newest order by ms`);
    return rows.map((x) => ({ ts: Number(x.ms), avg: Number(x.v), min: Number(x.v), max: Number(x.v), count: 1 }));
  }
  const rows = await tx.execute<{ ms: string; avg: number; min: number; max: number; n: string }>(sql`
    select (extract(epoch from b) * 1000)::int8 as ms, avg(v) as avg, min(v) as min, max(v) as max, count(*) as n
    from (
      select date_bin(make_interval(secs => ${r.bucketSeconds}), ${telemetry.ts}, timestamptz 'epoch') as b, ${numericValue} as v
      from ${telemetry} where ${where}
    ) x
    group by b order by b desc limit ${r.limit}`);
  return rows.map((x) => ({ ts: Number(x.ms), avg: Number(x.avg), min: Number(x.min), max: Number(x.max), count: Number(x.n) })).reverse();
}

/**
 * Telemetry points per minute over the last `minutes` minutes, the current one last, for the whole
 * tenant. A point is one (device, timestamp) pair, i.e. one telemetry message entry however many keys
 * it carried; it is counted in the minute of its telemetry timestamp. Minutes without data are returned
 * with 0. The current minute is still filling: it comes with `partial: true`, so a chart does not draw
 * it as a dip, and `elapsedMs` (of the current minute, by the database clock) for per-minute averages.
 */
export async function telemetryPointsPerMinute(
  tx: Tx,
  tenantId: string,
  minutes: number,
): Promise<{ minute: number; points: number; partial: boolean; elapsedMs: number }[]> {
  const rows = await tx.execute<{ ms: string; n: string; partial: boolean; elapsed: string }>(sql`
    with bounds as (select date_trunc('minute', now()) - make_interval(mins => ${minutes - 1}) as start)
    select (extract(epoch from m.minute) * 1000)::int8 as ms, coalesce(c.n, 0) as n,
      m.minute = date_trunc('minute', now()) as partial,
      (extract(epoch from now() - date_trunc('minute', now())) * 1000)::int8 as elapsed
    from bounds, generate_series(bounds.start, bounds.start + make_interval(mins => ${minutes - 1}), interval '1 minute') as m(minute)
    left join (
      select date_trunc('minute', t.ts) as minute, count(distinct (t.device_id, t.ts)) as n
      from ${telemetry} t, bounds
      where t.tenant_id = ${tenantId} and t.ts >= bounds.start and t.ts < now() + interval '1 minute'
      group by 1
    ) c on c.minute = m.minute
    order by m.minute`);
  return rows.map((r) => ({ minute: Number(r.ms), points: Number(r.n), partial: r.partial, elapsedMs: Number(r.elapsed) }));
}

export async function deviceCounts(tx: Tx, tenantId: string): Promise<{ total: number; online: number; enabled: number }> {
  const [row] = await tx
    .select({
      total: count(),
      online: sql<number>`count(*) filter (where ${devices.online} and ${devices.enabled})`.mapWith(Number),
      enabled: sql<number>`count(*) filter (where ${devices.enabled})`.mapWith(Number),
    })
    .from(devices)
    .where(eq(devices.tenantId, tenantId));
  return { total: row?.total ?? 0, online: row?.online ?? 0, enabled: row?.enabled ?? 0 };
}
