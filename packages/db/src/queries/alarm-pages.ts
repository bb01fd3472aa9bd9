import { and, desc, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { Tx } from "../client";
import { alarms, alertRules, devices } from "../schema";
import type { AlarmFilter, AlarmListRow } from "./alerts";

/**
 * A keyset page of alarms with the filters of `listAlarms`, newest first by first seen (ties by id,
 * descending), `limit` after the alarm `after`. `cursorFound` is false when `after` is not the tenant's.
 */
export async function listAlarmsAfter(
  tx: Tx,
  tenantId: string,
  f: AlarmFilter & { after?: string | undefined; limit: number },
): Promise<{ items: AlarmListRow[]; hasMore: boolean; cursorFound: boolean }> {
  let after: SQL | undefined;
  if (f.after) {
    const [cursor] = await tx
      .select({ id: alarms.id })
      .from(alarms)
      .where(and(eq(alarms.tenantId, tenantId), eq(alarms.id, f.after)))
      .limit(1);
    if (!cursor) return { items: [], hasMore: false, cursorFound: false };
    after = sql`(${alarms.firstSeenAt}, ${alarms.id}) < (select c.first_seen_at, c.id from alarms c where c.tenant_id = ${tenantId} and c.id = ${f.after})`;
  }
  const rows = await tx
    .select({ alarm: alarms, deviceName: devices.name, ruleName: alertRules.name })
    .from(alarms)
    .innerJoin(devices, eq(devices.id, alarms.deviceId))
    .innerJoin(alertRules, eq(alertRules.id, alarms.ruleId))
    .where(
      and(
        eq(alarms.tenantId, tenantId),
        f.severity?.length ? inArray(alarms.severity, f.severity) : undefined,
        f.status?.length ? inArray(alarms.status, f.status) : undefined,
        f.deviceId ? eq(alarms.deviceId, f.deviceId) : undefined,
        f.productId ? eq(alarms.productId, f.productId) : undefined,
        f.ruleId ? eq(alarms.ruleId, f.ruleId) : undefined,
        f.from ? gte(alarms.lastSeenAt, f.from) : undefined,
        f.to ? lte(alarms.firstSeenAt, f.to) : undefined,
        after,
      ),
    )
    .orderBy(desc(alarms.firstSeenAt), desc(alarms.id))
    .limit(f.limit + 1);
  return {
    items: rows.slice(0, f.limit).map((r) => ({ ...r.alarm, deviceName: r.deviceName, ruleName: r.ruleName })),
    hasMore: rows.length > f.limit,
    cursorFound: true,
  };
}
