import { sql } from "drizzle-orm";
import type { Tx } from "../../client";
import { numberArray, textArray } from "./pg-array";

/** A rejected message or refused connection, shown on the device page as "last errors". */
export interface DeviceErrorRow {
  tenantId: string;
  deviceId: string;
  /** e.g. `auth`, `acl`, `payload`, `validation`, `rate_limit`, `oversized`. */
  kind: string;
  reason: string;
  topic: string | null;
  /** ms since the epoch. */
  at: number;
}

export async function insertDeviceErrors(tx: Tx, rows: readonly DeviceErrorRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    insert into device_errors (tenant_id, device_id, kind, reason, topic, at)
    select t, d, k, r, p, timestamptz 'epoch' + m * interval '1 millisecond'
    from unnest(
      ${textArray(rows.map((r) => r.tenantId))}::uuid[],
      ${textArray(rows.map((r) => r.deviceId))}::uuid[],
      ${textArray(rows.map((r) => r.kind))}::text[],
      ${textArray(rows.map((r) => r.reason))}::text[],
      ${textArray(rows.map((r) => r.topic))}::text[],
      ${numberArray(rows.map((r) => r.at))}::int8[]
    ) as x(t, d, k, r, p, m)
    where exists (select 1 from devices where devices.id = x.d)`);
}
