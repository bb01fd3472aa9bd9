import { sql } from "drizzle-orm";
import type { Tx } from "../../client";
import { jsonArray, numberArray, textArray } from "./pg-array";

export interface DeviceStats {
  deviceId: string;
  /** Newest value per key seen since the last write: `{ key: { ts, value } }`. */
  latest: Record<string, { ts: number; value: number | boolean | string }>;
  /** ms since the epoch, or null when only errors were counted. */
  lastSeenAt: number | null;
  messages: number;
  errors: number;
}

/**
 * Applies accumulated per-device counters and latest values in one statement: a key's latest value
 * is only replaced by a newer (or equal) timestamp, so backfilled history does not overwrite it.
 */
export async function applyDeviceStats(tx: Tx, stats: readonly DeviceStats[]): Promise<void> {
  if (stats.length === 0) return;
  const sorted = [...stats].sort((a, b) => (a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : 0));
  await tx.execute(sql`
    update devices as d
    set latest = (
          select coalesce(jsonb_object_agg(k, v), '{}'::jsonb) from (
            select o.key as k, o.value as v from jsonb_each(d.latest) o
              where not (x.latest ? o.key) or (o.value->>'ts')::float8 > (x.latest->o.key->>'ts')::float8
            union all
            select n.key, n.value from jsonb_each(x.latest) n
              where not (d.latest ? n.key) or (n.value->>'ts')::float8 >= (d.latest->n.key->>'ts')::float8
          ) merged),
        last_seen_at = case when x.seen is null then d.last_seen_at
                            else greatest(d.last_seen_at, timestamptz 'epoch' + x.seen * interval '1 millisecond') end,
        message_count = d.message_count + x.msgs,
        error_count = d.error_count + x.errs
    from unnest(
      ${textArray(sorted.map((s) => s.deviceId))}::uuid[],
      ${jsonArray(sorted.map((s) => s.latest))}::jsonb[],
      ${numberArray(sorted.map((s) => s.lastSeenAt))}::int8[],
      ${numberArray(sorted.map((s) => s.messages))}::int8[],
      ${numberArray(sorted.map((s) => s.errors))}::int8[]
    ) as x(id, latest, seen, msgs, errs)
    where d.id = x.id`);
}
