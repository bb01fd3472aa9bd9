import { and, count, desc, eq, ilike, inArray, sql, type SQL } from "drizzle-orm";
import type { Tx } from "../client";
import { devices, products, telemetry } from "../schema";
import { escapeLike } from "./products";
import { offsetOf, type Page, type PageRequest, keysetAfter } from "./pagination";

type DeviceTable = typeof devices.$inferSelect;

/** A device as the console sees it: never the secret's hash. */
export type DeviceRow = Omit<DeviceTable, "secretHash"> & { productName: string };

const publicColumns = {
  id: devices.id,
  tenantId: devices.tenantId,
  productId: devices.productId,
  productName: products.name,
  name: devices.name,
  labels: devices.labels,
  secretHint: devices.secretHint,
  enabled: devices.enabled,
  online: devices.online,
  lastSeenAt: devices.lastSeenAt,
  lastConnectedAt: devices.lastConnectedAt,
  latest: devices.latest,
  reported: devices.reported,
  desired: devices.desired,
  shadowVersion: devices.shadowVersion,
  messageCount: devices.messageCount,
  errorCount: devices.errorCount,
  createdBy: devices.createdBy,
  createdAt: devices.createdAt,
  updatedAt: devices.updatedAt,
};

export type DeviceStatus = "online" | "offline" | "disabled";

export interface DeviceFilter {
  search?: string;
  productId?: string;
  status?: DeviceStatus;
  label?: { key: string; value: string };
}

function filterSql(tenantId: string, f: DeviceFilter): SQL | undefined {
  return and(
    eq(devices.tenantId, tenantId),
    f.search ? ilike(devices.name, `%${escapeLike(f.search)}%`) : undefined,
    f.productId ? eq(devices.productId, f.productId) : undefined,
    f.status === "online" ? and(eq(devices.enabled, true), eq(devices.online, true)) : undefined,
    f.status === "offline" ? and(eq(devices.enabled, true), eq(devices.online, false)) : undefined,
    f.status === "disabled" ? eq(devices.enabled, false) : undefined,
    f.label ? sql`${devices.labels} @> ${JSON.stringify({ [f.label.key]: f.label.value })}::jsonb` : undefined,
  );
}

/**
 * One page of devices in list order (newest first, ties by id descending): the page's ids from `devices` alone,
 * then their rows and product names. Joined in one query, the planner started from the tenant's product (RLS
 * tells it the tenant has about one), took the tenant's devices per product for a few hundred (it assumes
 * tenant and product independent), and read and sorted all 10,000 of them for each page. Alone, the page is the
 * (tenant, created_at, id) index read backwards for `limit` entries.
 */
function pageOfDevices(tx: Tx, where: SQL | undefined, limit: number, offset: number): Promise<DeviceRow[]> {
  const page = tx
    .select({ id: devices.id })
    .from(devices)
    .where(where)
    .orderBy(desc(devices.createdAt), desc(devices.id))
    .limit(limit)
    .offset(offset)
    .as("page");
  // Prepared: parsed once per connection, and sent in one round trip instead of two (see executePrepared).
  return tx
    .select(publicColumns)
    .from(page)
    .innerJoin(devices, eq(devices.id, page.id))
    .innerJoin(products, eq(products.id, devices.productId))
    .orderBy(desc(devices.createdAt), desc(devices.id))
    .prepare("devices_page")
    .execute();
}

export async function listDevices(tx: Tx, tenantId: string, p: PageRequest & DeviceFilter): Promise<Page<DeviceRow>> {
  const where = filterSql(tenantId, p);
  const [items, [total]] = await Promise.all([
    pageOfDevices(tx, where, p.pageSize, offsetOf(p)),
    tx.select({ n: count() }).from(devices).where(where),
  ]);
  return { items, total: total?.n ?? 0, page: p.page, pageSize: p.pageSize };
}

export async function findDeviceById(tx: Tx, tenantId: string, id: string): Promise<DeviceRow | undefined> {
  const [row] = await tx
    .select(publicColumns)
    .from(devices)
    .innerJoin(products, eq(products.id, devices.productId))
    .where(and(eq(devices.tenantId, tenantId), eq(devices.id, id)))
    .limit(1);
  return row;
}

/** Names among `names` already used by a device of the tenant. */
export async function existingDeviceNames(tx: Tx, tenantId: string, names: string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const rows = await tx
    .select({ name: devices.name })
    .from(devices)
    .where(and(eq(devices.tenantId, tenantId), inArray(devices.name, names)));
  return rows.map((r) => r.name);
}

export interface NewDevice {
  tenantId: string;
  productId: string;
  name: string;
  labels: Record<string, string>;
  secretHash: string;
  secretHint: string;
  createdBy: string | null;
}

/**
 * Inserts devices (one statement per 500 rows). Throws a unique violation on
 * `devices_tenant_name_key` when a name is taken. Returns ids in input order.
 */
export async function insertDevices(tx: Tx, rows: NewDevice[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const inserted = await tx.insert(devices).values(chunk).returning({ id: devices.id, name: devices.name });
    const byName = new Map(inserted.map((r) => [r.name, r.id]));
    for (const r of chunk) ids.push(byName.get(r.name)!);
  }
  return ids;
}

export async function updateDeviceLabels(tx: Tx, tenantId: string, id: string, labels: Record<string, string>): Promise<boolean> {
  const rows = await tx
    .update(devices)
    .set({ labels })
    .where(and(eq(devices.tenantId, tenantId), eq(devices.id, id)))
    .returning({ id: devices.id });
  return rows.length > 0;
}

export async function setDeviceEnabled(tx: Tx, tenantId: string, id: string, enabled: boolean): Promise<boolean> {
  const rows = await tx
    .update(devices)
    .set(enabled ? { enabled } : { enabled, online: false })
    .where(and(eq(devices.tenantId, tenantId), eq(devices.id, id)))
    .returning({ id: devices.id });
  return rows.length > 0;
}

export async function setDeviceSecret(tx: Tx, tenantId: string, id: string, secret: { hash: string; hint: string }): Promise<boolean> {
  const rows = await tx
    .update(devices)
    .set({ secretHash: secret.hash, secretHint: secret.hint })
    .where(and(eq(devices.tenantId, tenantId), eq(devices.id, id)))
    .returning({ id: devices.id });
  return rows.length > 0;
}

/** Deletes a device; its events, commands and connections cascade, its telemetry rows are deleted too. */
export async function deleteDevice(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  await tx.delete(telemetry).where(and(eq(telemetry.tenantId, tenantId), eq(telemetry.deviceId, id)));
  const rows = await tx
    .delete(devices)
    .where(and(eq(devices.tenantId, tenantId), eq(devices.id, id)))
    .returning({ id: devices.id });
  return rows.length > 0;
}

export async function findDevicesByIds(tx: Tx, tenantId: string, ids: string[]): Promise<DeviceRow[]> {
  if (ids.length === 0) return [];
  const out: DeviceRow[] = [];
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await tx
      .select(publicColumns)
      .from(devices)
      .innerJoin(products, eq(products.id, devices.productId))
      .where(and(eq(devices.tenantId, tenantId), inArray(devices.id, ids.slice(i, i + 1000))));
    out.push(...rows);
  }
  return out;
}

/**
 * A keyset page of devices, newest first (ties by id, descending): the `limit` devices after
 * the device `after` (uuid), fetching one more to say whether more follow. `cursorFound` is false when
 * `after` names no device of the tenant.
 */
export async function listDevicesAfter(
  tx: Tx,
  tenantId: string,
  p: DeviceFilter & { after?: string; limit: number },
): Promise<{ items: DeviceRow[]; hasMore: boolean; cursorFound: boolean }> {
  const after = await keysetAfter(tx, devices, tenantId, p.after, [devices.createdAt, devices.id], "<");
  if (after === null) return { items: [], hasMore: false, cursorFound: false };
  const rows = await pageOfDevices(tx, and(filterSql(tenantId, p), after), p.limit + 1, 0);
  return { items: rows.slice(0, p.limit), hasMore: rows.length > p.limit, cursorFound: true };
}
