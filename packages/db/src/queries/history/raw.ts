import { sql } from "drizzle-orm";
import type { Tx } from "../../client";
import type { HistoryRawPoint } from "./series";

/**
 * A page of a device key's raw values, newest first: values in [from, to) older than `before` (a ts
 * cursor, ms), at most `limit`; `next` is the cursor of the following page (null on the last one).
 * Rows of one key have distinct timestamps (the unique key), so a ts cursor never skips or repeats.
 */
export async function historyRawPage(
  tx: Tx,
  tenantId: string,
  r: { deviceId: string; key: string; from: Date; to: Date; before?: number | undefined; limit: number },
): Promise<{ items: HistoryRawPoint[]; next: number | null }> {
  const before = r.before !== undefined ? sql`and t.ts < ${new Date(r.before).toISOString()}::timestamptz` : sql``;
  const rows = await tx.execute<{ ms: string; n: number | null; b: boolean | null; s: string | null }>(sql`
    select (extract(epoch from t.ts) * 1000)::int8 as ms, t.value_num as n, t.value_bool as b, t.value_str as s
    from telemetry t
    where t.tenant_id = ${tenantId} and t.device_id = ${r.deviceId} and t.key = ${r.key}
      and t.ts >= ${r.from.toISOString()}::timestamptz and t.ts < ${r.to.toISOString()}::timestamptz ${before}
    order by t.ts desc limit ${r.limit + 1}`);
  const items = rows.slice(0, r.limit).map((x) => ({ ts: Number(x.ms), value: x.n ?? x.b ?? x.s }));
  return { items, next: rows.length > r.limit ? (items.at(-1)?.ts ?? null) : null };
}
