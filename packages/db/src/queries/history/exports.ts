import { publicId, type ExportFormat, type ExportRow } from "@aspen/core";
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Database, Tx } from "../../client";
import { telemetryExports } from "../../schema";

/** What an export covers: one device or every device of a product, optionally only some keys. */
export type ExportTarget = ({ deviceId: string; productId?: undefined } | { productId: string; deviceId?: undefined }) & {
  keys?: readonly string[] | null | undefined;
};

export type ExportRecord = typeof telemetryExports.$inferSelect;

function targetWhere(tenantId: string, t: ExportTarget, from: Date, to: Date): SQL {
  const who = t.deviceId
    ? sql`t.device_id = ${t.deviceId}`
    : sql`t.device_id in (select d.id from devices d where d.tenant_id = ${tenantId} and d.product_id = ${t.productId!})`;
  const keys = t.keys && t.keys.length > 0 ? sql`and t.key in ${t.keys}` : sql``;
  return sql`t.tenant_id = ${tenantId} and ${who} ${keys}
    and t.ts >= ${from.toISOString()}::timestamptz and t.ts < ${to.toISOString()}::timestamptz`;
}

/** How many rows an export would hold, counting at most `cap` (so a huge range is not counted to the end). */
export async function countExportRows(tx: Tx, tenantId: string, t: ExportTarget, from: Date, to: Date, cap: number): Promise<number> {
  const [row] = await tx.execute<{ n: string }>(sql`
    select count(*) as n from (select 1 from telemetry t where ${targetWhere(tenantId, t, from, to)} limit ${cap}) x`);
  return Number(row?.n ?? 0);
}

export async function insertExport(tx: Tx, values: typeof telemetryExports.$inferInsert): Promise<ExportRecord> {
  const [row] = await tx.insert(telemetryExports).values(values).returning();
  return row!;
}

export async function findExport(tx: Tx, tenantId: string, id: string): Promise<ExportRecord | undefined> {
  const [row] = await tx
    .select()
    .from(telemetryExports)
    .where(and(eq(telemetryExports.tenantId, tenantId), eq(telemetryExports.id, id)))
    .limit(1);
  return row;
}

export async function listExports(tx: Tx, tenantId: string, limit: number): Promise<ExportRecord[]> {
  return tx
    .select()
    .from(telemetryExports)
    .where(eq(telemetryExports.tenantId, tenantId))
    .orderBy(desc(telemetryExports.createdAt))
    .limit(limit);
}

export async function updateExport(
  tx: Tx,
  tenantId: string,
  id: string,
  values: Partial<Pick<ExportRecord, "status" | "rowCount" | "bytes" | "fileName" | "error" | "finishedAt" | "expiresAt" | "attempts">>,
): Promise<void> {
  await tx
    .update(telemetryExports)
    .set(values)
    .where(and(eq(telemetryExports.tenantId, tenantId), eq(telemetryExports.id, id)));
}

/** Exports whose file expired (system transaction: spans tenants). */
export async function expiredExportFiles(tx: Tx, now: Date): Promise<{ id: string; tenantId: string; fileName: string }[]> {
  const rows = await tx.execute<{ id: string; tenant_id: string; file_name: string }>(sql`
    select id, tenant_id, file_name from telemetry_exports where file_name is not null and expires_at <= ${now.toISOString()}::timestamptz`);
  return rows.map((r) => ({ id: r.id, tenantId: r.tenant_id, fileName: r.file_name }));
}

/**
 * The export's rows, ordered by device, key and time (the unique index's order), in batches of
 * `batchSize` read from a Postgres cursor inside one transaction scoped to the tenant: the range is
 * never held in memory. Stop iterating to close the cursor.
 */
export async function* streamExportRows(
  db: Database,
  tenantId: string,
  t: ExportTarget,
  from: Date,
  to: Date,
  batchSize = 2000,
): AsyncGenerator<ExportRow[]> {
  const client = db.$client;
  // postgres.js: a reserved connection keeps the transaction (and its RLS setting) and the cursor together.
  const conn = await client.reserve();
  try {
    await conn`begin read only`;
    await conn`select set_config('app.tenant_id', ${tenantId}, true)`;
    const keys = t.keys && t.keys.length > 0 ? t.keys : null;
    const cursor = conn<
      { ts: Date | string; device_id: string; device: string; key: string; n: number | null; b: boolean | null; s: string | null }[]
    >`
      select t.ts, t.device_id, d.name as device, t.key, t.value_num as n, t.value_bool as b, t.value_str as s
      from telemetry t join devices d on d.id = t.device_id and d.tenant_id = t.tenant_id
      where t.tenant_id = ${tenantId}
        and ${t.deviceId ? conn`t.device_id = ${t.deviceId}` : conn`d.product_id = ${t.productId!}`}
        and ${keys ? conn`t.key = any(${keys as string[]})` : conn`true`}
        and t.ts >= ${from.toISOString()}::timestamptz and t.ts < ${to.toISOString()}::timestamptz
      order by t.device_id, t.key, t.ts`.cursor(batchSize);
    const ids = new Map<string, string>();
    for await (const rows of cursor) {
      yield rows.map((r) => {
        let id = ids.get(r.device_id);
        if (!id) {
          id = publicId("dev", r.device_id);
          ids.set(r.device_id, id);
        }
        // drizzle's client returns timestamps as text.
        return { ts: new Date(r.ts), deviceId: id, device: r.device, key: r.key, value: r.n ?? r.b ?? r.s };
      });
    }
    await conn`commit`;
  } catch (err) {
    await conn`rollback`.catch(() => {});
    throw err;
  } finally {
    // A consumer that stopped early lands here with the transaction open: end it before reuse.
    await conn`rollback`.catch(() => {});
    conn.release();
  }
}

export type { ExportFormat };
