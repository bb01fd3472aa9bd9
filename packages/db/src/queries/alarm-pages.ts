import { and, desc, eq } from "drizzle-orm";
import type { Tx } from "../client";
import { alarms, alertRules, devices } from "../schema";
import { alarmFilterWhere, alarmListColumns, type AlarmFilter, type AlarmListRow } from "./alerts";
import { keysetAfter } from "./pagination";

/**
 * A keyset page of alarms with the filters of `listAlarms`, newest first by first seen (ties by id,
 * descending), `limit` after the alarm `after`. `cursorFound` is false when `after` is not the tenant's.
 */
export async function listAlarmsAfter(
  tx: Tx,
  tenantId: string,
  f: AlarmFilter & { after?: string | undefined; limit: number },
): Promise<{ items: AlarmListRow[]; hasMore: boolean; cursorFound: boolean }> {
  const after = await keysetAfter(tx, alarms, tenantId, f.after, [alarms.firstSeenAt, alarms.id], "<");
  if (after === null) return { items: [], hasMore: false, cursorFound: false };
  const rows = await tx
    .select(alarmListColumns)
    .from(alarms)
    .innerJoin(devices, eq(devices.id, alarms.deviceId))
    .innerJoin(alertRules, eq(alertRules.id, alarms.ruleId))
    .where(and(alarmFilterWhere(tenantId, f), after))
    .orderBy(desc(alarms.firstSeenAt), desc(alarms.id))
    .limit(f.limit + 1);
  return {
    items: rows.slice(0, f.limit).map((r) => ({ ...r.alarm, deviceName: r.deviceName, ruleName: r.ruleName })),
    hasMore: rows.length > f.limit,
    cursorFound: true,
  };
}
