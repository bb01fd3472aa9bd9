import type { AlertRuleSpec, Severity } from "@aspen/core";
import { and, asc, count, desc, eq, gte, inArray, lte, ne, sql, type SQL } from "drizzle-orm";
import type { Tx } from "../client";
import { alarmEvents, alarms, alertRules, devices, products, type AlarmEventRow, type AlarmRow, type AlertRuleRow } from "../schema";
import { offsetOf, type Page, type PageRequest, keysetAfter } from "./pagination";

// ---- rules ----

export type AlertRuleWithProduct = AlertRuleRow & { productName: string };

const ruleColumns = { rule: alertRules, productName: products.name };
const withProduct = (r: { rule: AlertRuleRow; productName: string }): AlertRuleWithProduct => ({ ...r.rule, productName: r.productName });

export async function listAlertRules(
  tx: Tx,
  tenantId: string,
  p: PageRequest & { productId?: string | undefined },
): Promise<Page<AlertRuleWithProduct>> {
  const where = and(eq(alertRules.tenantId, tenantId), p.productId ? eq(alertRules.productId, p.productId) : undefined);
  const [rows, [total]] = await Promise.all([
    tx
      .select(ruleColumns)
      .from(alertRules)
      .innerJoin(products, eq(products.id, alertRules.productId))
      .where(where)
      .orderBy(desc(alertRules.createdAt), alertRules.id)
      .limit(p.pageSize)
      .offset(offsetOf(p)),
    tx.select({ n: count() }).from(alertRules).where(where),
  ]);
  return { items: rows.map(withProduct), total: total?.n ?? 0, page: p.page, pageSize: p.pageSize };
}

export async function findAlertRule(tx: Tx, tenantId: string, id: string): Promise<AlertRuleWithProduct | undefined> {
  const [row] = await tx
    .select(ruleColumns)
    .from(alertRules)
    .innerJoin(products, eq(products.id, alertRules.productId))
    .where(and(eq(alertRules.tenantId, tenantId), eq(alertRules.id, id)))
    .limit(1);
  return row && withProduct(row);
}

export interface NewAlertRule {
  tenantId: string;
  productId: string;
  spec: AlertRuleSpec;
  createdBy: string | null;
}

const specColumns = (spec: AlertRuleSpec) => ({
  name: spec.name,
  severity: spec.severity,
  enabled: spec.enabled,
  triggerType: spec.trigger.type,
  spec,
});

export async function insertAlertRule(tx: Tx, r: NewAlertRule): Promise<AlertRuleRow> {
  const [row] = await tx
    .insert(alertRules)
    .values({ tenantId: r.tenantId, productId: r.productId, createdBy: r.createdBy, ...specColumns(r.spec) })
    .returning();
  return row!;
}

/** Replaces a rule's spec and bumps its version; false when there is no such rule. */
export async function updateAlertRuleSpec(tx: Tx, tenantId: string, id: string, spec: AlertRuleSpec): Promise<boolean> {
  const rows = await tx
    .update(alertRules)
    .set({ ...specColumns(spec), version: sql`${alertRules.version} + 1` })
    .where(and(eq(alertRules.tenantId, tenantId), eq(alertRules.id, id)))
    .returning({ id: alertRules.id });
  return rows.length > 0;
}

export async function setAlertRuleEnabled(tx: Tx, tenantId: string, id: string, enabled: boolean): Promise<boolean> {
  const rows = await tx
    .update(alertRules)
    .set({
      enabled,
      spec: sql`jsonb_set(${alertRules.spec}, '{enabled}', ${JSON.stringify(enabled)}::jsonb)`,
      version: sql`${alertRules.version} + 1`,
    })
    .where(and(eq(alertRules.tenantId, tenantId), eq(alertRules.id, id)))
    .returning({ id: alertRules.id });
  return rows.length > 0;
}

export async function deleteAlertRule(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const rows = await tx
    .delete(alertRules)
    .where(and(eq(alertRules.tenantId, tenantId), eq(alertRules.id, id)))
    .returning({ id: alertRules.id });
  return rows.length > 0;
}

/** Enabled rules of the given products (the worker's cache fill). */
export async function enabledRulesOfProducts(tx: Tx, productIds: string[]): Promise<AlertRuleRow[]> {
  if (productIds.length === 0) return [];
  return tx
    .select()
    .from(alertRules)
    .where(and(eq(alertRules.enabled, true), inArray(alertRules.productId, productIds)));
}

/** Every enabled offline rule, across tenants (run on a system connection). */
export async function enabledOfflineRules(tx: Tx): Promise<AlertRuleRow[]> {
  return tx
    .select()
    .from(alertRules)
    .where(and(eq(alertRules.enabled, true), eq(alertRules.triggerType, "offline")));
}

/** Labels of devices, for rules narrowed by labels. */
export async function deviceLabelsOf(tx: Tx, ids: string[]): Promise<Map<string, { labels: Record<string, string>; name: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: devices.id, labels: devices.labels, name: devices.name })
    .from(devices)
    .where(inArray(devices.id, ids));
  return new Map(rows.map((r) => [r.id, { labels: r.labels, name: r.name }]));
}

/** Devices an offline rule selects that are offline and not seen since `before` (and have no open alarm of the rule). */
export async function offlineDevicesFor(tx: Tx, rule: AlertRuleRow, before: Date, limit = 1000) {
  const spec = rule.spec;
  return tx
    .select({ id: devices.id, name: devices.name, lastSeenAt: devices.lastSeenAt })
    .from(devices)
    .where(
      and(
        eq(devices.tenantId, rule.tenantId),
        eq(devices.productId, rule.productId),
        eq(devices.enabled, true),
        eq(devices.online, false),
        sql`coalesce(${devices.lastSeenAt}, ${devices.createdAt}) < ${before.toISOString()}::timestamptz`,
        spec.deviceIds.length ? inArray(devices.id, spec.deviceIds) : undefined,
        Object.keys(spec.labels).length ? sql`${devices.labels} @> ${JSON.stringify(spec.labels)}::jsonb` : undefined,
        sql`not exists (select 1 from ${alarms} a where a.tenant_id = ${rule.tenantId} and a.rule_id = ${rule.id} and a.device_id = ${devices.id} and a.status <> 'cleared')`,
      ),
    )
    .limit(limit);
}

/** Open alarms of an offline rule whose device is back online (for the "online" clear condition). */
export async function openAlarmsOfOnlineDevices(tx: Tx, rule: AlertRuleRow) {
  return tx
    .select({ alarmId: alarms.id, deviceId: alarms.deviceId, deviceName: devices.name })
    .from(alarms)
    .innerJoin(devices, eq(devices.id, alarms.deviceId))
    .where(and(eq(alarms.tenantId, rule.tenantId), eq(alarms.ruleId, rule.id), ne(alarms.status, "cleared"), eq(devices.online, true)));
}

// ---- alarms written by the worker (idempotent by dedupe key) ----

export interface AlarmChange {
  tenantId: string;
  ruleId: string;
  deviceId: string;
  productId: string;
  severity: Severity;
  title: string;
  at: Date;
  values: Record<string, unknown>;
  /** Unique per (stream entry, rule, device, kind). */
  dedupKey: string;
}

/** The alarm a change touched and the timeline event that records it (to notify about), if any. */
export interface AlarmOutcome {
  alarm: AlarmRow;
  event: AlarmEventRow | null;
}

async function eventByDedupKey(tx: Tx, tenantId: string, dedupKey: string) {
  const [e] = await tx
    .select()
    .from(alarmEvents)
    .where(and(eq(alarmEvents.tenantId, tenantId), eq(alarmEvents.dedupKey, dedupKey)))
    .limit(1);
  return e;
}
async function alarmById(tx: Tx, tenantId: string, id: string) {
  const [a] = await tx
    .select()
    .from(alarms)
    .where(and(eq(alarms.tenantId, tenantId), eq(alarms.id, id)))
    .limit(1);
  return a;
}
const openAlarmWhere = (c: { tenantId: string; ruleId: string; deviceId: string }) =>
  and(eq(alarms.tenantId, c.tenantId), eq(alarms.ruleId, c.ruleId), eq(alarms.deviceId, c.deviceId), ne(alarms.status, "cleared"));

/**
 * Raises an alarm. Applied twice with the same dedupe key it returns the same alarm and event; when
 * another open alarm of the (rule, device) exists it counts as a repeat (event null).
 */
export async function raiseAlarm(tx: Tx, c: AlarmChange): Promise<AlarmOutcome> {
  const seen = await eventByDedupKey(tx, c.tenantId, c.dedupKey);
  if (seen) return { alarm: (await alarmById(tx, c.tenantId, seen.alarmId))!, event: seen };
  const [created] = await tx
    .insert(alarms)
    .values({
      tenantId: c.tenantId,
      ruleId: c.ruleId,
      deviceId: c.deviceId,
      productId: c.productId,
      severity: c.severity,
      title: c.title,
      values: c.values,
      firstSeenAt: c.at,
      lastSeenAt: c.at,
      lastDedupKey: c.dedupKey,
    })
    .onConflictDoNothing({ target: [alarms.tenantId, alarms.ruleId, alarms.deviceId], where: sql`status <> 'cleared'` })
    .returning();
  if (!created) {
    const repeated = await repeatAlarm(tx, { ...c, count: 1 });
    const [open] = await tx.select().from(alarms).where(openAlarmWhere(c)).limit(1);
    return { alarm: repeated ?? open!, event: null };
  }
  const [event] = await tx
    .insert(alarmEvents)
    .values({ tenantId: c.tenantId, alarmId: created.id, kind: "created", at: c.at, values: c.values, dedupKey: c.dedupKey })
    .returning();
  return { alarm: created, event: event! };
}

/** Counts repeats on the open alarm (once per dedupe key). Returns the alarm when it changed. */
export async function repeatAlarm(
  tx: Tx,
  c: Pick<AlarmChange, "tenantId" | "ruleId" | "deviceId" | "at" | "values" | "dedupKey"> & { count: number },
): Promise<AlarmRow | undefined> {
  const [row] = await tx
    .update(alarms)
    .set({
      count: sql`${alarms.count} + ${c.count}`,
      lastSeenAt: sql`greatest(${alarms.lastSeenAt}, ${c.at.toISOString()}::timestamptz)`,
      values: c.values,
      lastDedupKey: c.dedupKey,
    })
    .where(and(openAlarmWhere(c), sql`${alarms.lastDedupKey} is distinct from ${c.dedupKey}`))
    .returning();
  return row;
}

/** Clears the open alarm of (rule, device) automatically; idempotent by dedupe key. */
export async function autoClearAlarm(
  tx: Tx,
  c: Pick<AlarmChange, "tenantId" | "ruleId" | "deviceId" | "at" | "values" | "dedupKey">,
): Promise<AlarmOutcome | null> {
  const seen = await eventByDedupKey(tx, c.tenantId, c.dedupKey);
  if (seen) return { alarm: (await alarmById(tx, c.tenantId, seen.alarmId))!, event: seen };
  const [row] = await tx
    .update(alarms)
    .set({ status: "cleared", clearedAt: c.at, clearReason: "auto" })
    .where(openAlarmWhere(c))
    .returning();
  if (!row) return null;
  const [event] = await tx
    .insert(alarmEvents)
    .values({ tenantId: c.tenantId, alarmId: row.id, kind: "cleared", at: c.at, values: c.values, dedupKey: c.dedupKey })
    .returning();
  return { alarm: row, event: event! };
}

// ---- alarms read and changed by members ----

export type AlarmListRow = AlarmRow & { deviceName: string; ruleName: string };

export interface AlarmFilter {
  severity?: Severity[] | undefined;
  status?: ("active" | "acknowledged" | "cleared")[] | undefined;
  deviceId?: string | undefined;
  productId?: string | undefined;
  ruleId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

/** The columns of an alarm list row (the alarm, its device's and rule's names). */
export const alarmListColumns = { alarm: alarms, deviceName: devices.name, ruleName: alertRules.name };

/** The conditions of an alarm list's filter, for the tenant. */
export function alarmFilterWhere(tenantId: string, f: AlarmFilter): SQL | undefined {
  return and(
    eq(alarms.tenantId, tenantId),
    f.severity?.length ? inArray(alarms.severity, f.severity) : undefined,
    f.status?.length ? inArray(alarms.status, f.status) : undefined,
    f.deviceId ? eq(alarms.deviceId, f.deviceId) : undefined,
    f.productId ? eq(alarms.productId, f.productId) : undefined,
    f.ruleId ? eq(alarms.ruleId, f.ruleId) : undefined,
    f.from ? gte(alarms.lastSeenAt, f.from) : undefined,
    f.to ? lte(alarms.firstSeenAt, f.to) : undefined,
  );
}

export async function listAlarms(tx: Tx, tenantId: string, f: AlarmFilter & PageRequest): Promise<Page<AlarmListRow>> {
  const where = alarmFilterWhere(tenantId, f);
  const [rows, [total]] = await Promise.all([
    tx
      .select(alarmListColumns)
      .from(alarms)
      .innerJoin(devices, eq(devices.id, alarms.deviceId))
      .innerJoin(alertRules, eq(alertRules.id, alarms.ruleId))
      .where(where)
      .orderBy(desc(alarms.firstSeenAt), alarms.id)
      .limit(f.pageSize)
      .offset(offsetOf(f)),
    tx.select({ n: count() }).from(alarms).where(where),
  ]);
  return {
    items: rows.map((r) => ({ ...r.alarm, deviceName: r.deviceName, ruleName: r.ruleName })),
    total: total?.n ?? 0,
    page: f.page,
    pageSize: f.pageSize,
  };
}

export async function findAlarm(tx: Tx, tenantId: string, id: string): Promise<AlarmListRow | undefined> {
  const [r] = await tx
    .select(alarmListColumns)
    .from(alarms)
    .innerJoin(devices, eq(devices.id, alarms.deviceId))
    .innerJoin(alertRules, eq(alertRules.id, alarms.ruleId))
    .where(and(eq(alarms.tenantId, tenantId), eq(alarms.id, id)))
    .limit(1);
  return r && { ...r.alarm, deviceName: r.deviceName, ruleName: r.ruleName };
}

export async function alarmTimeline(tx: Tx, tenantId: string, alarmId: string): Promise<AlarmEventRow[]> {
  return tx
    .select()
    .from(alarmEvents)
    .where(and(eq(alarmEvents.tenantId, tenantId), eq(alarmEvents.alarmId, alarmId)))
    .orderBy(asc(alarmEvents.at), asc(alarmEvents.id));
}

export async function findAlarmEvent(tx: Tx, tenantId: string, id: string): Promise<AlarmEventRow | undefined> {
  const [e] = await tx
    .select()
    .from(alarmEvents)
    .where(and(eq(alarmEvents.tenantId, tenantId), eq(alarmEvents.id, id)))
    .limit(1);
  return e;
}

/** Acknowledges an active alarm; undefined when it is not active (already acknowledged, cleared, or missing). */
export async function acknowledgeAlarm(
  tx: Tx,
  tenantId: string,
  id: string,
  userId: string,
  comment: string | null,
): Promise<AlarmEventRow | undefined> {
  const now = new Date();
  const [row] = await tx
    .update(alarms)
    .set({ status: "acknowledged", acknowledgedAt: now, acknowledgedBy: userId, ackComment: comment })
    .where(and(eq(alarms.tenantId, tenantId), eq(alarms.id, id), eq(alarms.status, "active")))
    .returning({ id: alarms.id });
  if (!row) return undefined;
  const [e] = await tx.insert(alarmEvents).values({ tenantId, alarmId: id, kind: "acknowledged", at: now, userId, comment }).returning();
  return e;
}

/** Clears an open alarm by hand; undefined when it is not open. */
export async function clearAlarmByHand(
  tx: Tx,
  tenantId: string,
  id: string,
  userId: string,
  comment: string | null,
): Promise<{ alarm: AlarmRow; event: AlarmEventRow } | undefined> {
  const now = new Date();
  const [row] = await tx
    .update(alarms)
    .set({ status: "cleared", clearedAt: now, clearedBy: userId, clearReason: "manual" })
    .where(and(eq(alarms.tenantId, tenantId), eq(alarms.id, id), ne(alarms.status, "cleared")))
    .returning();
  if (!row) return undefined;
  const [e] = await tx.insert(alarmEvents).values({ tenantId, alarmId: id, kind: "cleared", at: now, userId, comment }).returning();
  return { alarm: row, event: e! };
}

/** Not-cleared alarms by severity (the console header badge). */
export async function countOpenAlarms(tx: Tx, tenantId: string): Promise<Record<Severity, number>> {
  const rows = await tx
    .select({ severity: alarms.severity, n: count() })
    .from(alarms)
    .where(and(eq(alarms.tenantId, tenantId), ne(alarms.status, "cleared")))
    .groupBy(alarms.severity);
  const out: Record<Severity, number> = { critical: 0, major: 0, minor: 0, warning: 0, info: 0 };
  for (const r of rows) out[r.severity] = r.n;
  return out;
}

/** Alarms first seen in [from, to) of a tenant, for the daily digest. */
export async function alarmsRaisedBetween(tx: Tx, tenantId: string, from: Date, to: Date, limit = 200): Promise<AlarmListRow[]> {
  const rows = await tx
    .select(alarmListColumns)
    .from(alarms)
    .innerJoin(devices, eq(devices.id, alarms.deviceId))
    .innerJoin(alertRules, eq(alertRules.id, alarms.ruleId))
    .where(and(eq(alarms.tenantId, tenantId), gte(alarms.firstSeenAt, from), sql`${alarms.firstSeenAt} < ${to.toISOString()}::timestamptz`))
    .orderBy(desc(alarms.firstSeenAt))
    .limit(limit);
  return rows.map((r) => ({ ...r.alarm, deviceName: r.deviceName, ruleName: r.ruleName }));
}

/** Which of `ids` are devices of the tenant's product (a rule may only name those). */
export async function deviceIdsOfProduct(tx: Tx, tenantId: string, productId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ id: devices.id })
    .from(devices)
    .where(and(eq(devices.tenantId, tenantId), eq(devices.productId, productId), inArray(devices.id, ids)));
  return rows.map((r) => r.id);
}
export type { AlertRuleRow, AlarmRow, AlarmEventRow } from "../schema";

/** A keyset page of alert rules, newest first (ties by id, descending), `limit` after the rule `after`. */
export async function listAlertRulesAfter(
  tx: Tx,
  tenantId: string,
  p: { productId?: string | undefined; after?: string | undefined; limit: number },
): Promise<{ items: AlertRuleWithProduct[]; hasMore: boolean; cursorFound: boolean }> {
  const after = await keysetAfter(tx, alertRules, tenantId, p.after, [alertRules.createdAt, alertRules.id], "<");
  if (after === null) return { items: [], hasMore: false, cursorFound: false };
  const rows = await tx
    .select(ruleColumns)
    .from(alertRules)
    .innerJoin(products, eq(products.id, alertRules.productId))
    .where(and(eq(alertRules.tenantId, tenantId), p.productId ? eq(alertRules.productId, p.productId) : undefined, after))
    .orderBy(desc(alertRules.createdAt), desc(alertRules.id))
    .limit(p.limit + 1);
  return { items: rows.slice(0, p.limit).map(withProduct), hasMore: rows.length > p.limit, cursorFound: true };
}
