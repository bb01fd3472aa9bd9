import { and, count, desc, eq } from "drizzle-orm";
import type { Tx } from "../../client";
import { deviceConnections, deviceErrors, deviceEvents } from "../../schema";
import { offsetOf, type Page, type PageRequest } from "../pagination";

export type DeviceConnectionRow = typeof deviceConnections.$inferSelect;
export type DeviceErrorRecord = typeof deviceErrors.$inferSelect;
export type DeviceEventRecord = typeof deviceEvents.$inferSelect;

/** A device's connection history, newest first. */
export async function listDeviceConnections(
  tx: Tx,
  tenantId: string,
  deviceId: string,
  p: PageRequest,
): Promise<Page<DeviceConnectionRow>> {
  const where = and(eq(deviceConnections.tenantId, tenantId), eq(deviceConnections.deviceId, deviceId));
  const [items, [total]] = await Promise.all([
    tx
      .select()
      .from(deviceConnections)
      .where(where)
      .orderBy(desc(deviceConnections.connectedAt), desc(deviceConnections.id))
      .limit(p.pageSize)
      .offset(offsetOf(p)),
    tx.select({ n: count() }).from(deviceConnections).where(where),
  ]);
  return { items, total: total?.n ?? 0, page: p.page, pageSize: p.pageSize };
}

/** A device's rejected input and refused connections ("last errors"), newest first. */
export async function listDeviceErrors(tx: Tx, tenantId: string, deviceId: string, p: PageRequest): Promise<Page<DeviceErrorRecord>> {
  const where = and(eq(deviceErrors.tenantId, tenantId), eq(deviceErrors.deviceId, deviceId));
  const [items, [total]] = await Promise.all([
    tx.select().from(deviceErrors).where(where).orderBy(desc(deviceErrors.at), desc(deviceErrors.id)).limit(p.pageSize).offset(offsetOf(p)),
    tx.select({ n: count() }).from(deviceErrors).where(where),
  ]);
  return { items, total: total?.n ?? 0, page: p.page, pageSize: p.pageSize };
}

/** A device's thing-model events, newest first, optionally of one event identifier. */
export async function listDeviceEvents(
  tx: Tx,
  tenantId: string,
  deviceId: string,
  p: PageRequest & { event?: string },
): Promise<Page<DeviceEventRecord>> {
  const where = and(
    eq(deviceEvents.tenantId, tenantId),
    eq(deviceEvents.deviceId, deviceId),
    p.event ? eq(deviceEvents.event, p.event) : undefined,
  );
  const [items, [total]] = await Promise.all([
    tx.select().from(deviceEvents).where(where).orderBy(desc(deviceEvents.ts), desc(deviceEvents.id)).limit(p.pageSize).offset(offsetOf(p)),
    tx.select({ n: count() }).from(deviceEvents).where(where),
  ]);
  return { items, total: total?.n ?? 0, page: p.page, pageSize: p.pageSize };
}
