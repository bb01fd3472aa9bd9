import type { DashboardLayout } from "@aspen/core";
import { and, asc, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { alarms, dashboardShares, dashboards, devices, tenants, type DashboardRow, type DashboardShareRow } from "../schema";
import { keysetAfter } from "./pagination";

/** The tenant's dashboards by name (at most 200: a console list, not an export). */
export async function listDashboards(tx: Tx, tenantId: string): Promise<DashboardRow[]> {
  return tx.select().from(dashboards).where(eq(dashboards.tenantId, tenantId)).orderBy(asc(dashboards.name), asc(dashboards.id)).limit(200);
}

/**
 * A keyset page of the tenant's dashboards by name (ties by id), `limit` after the dashboard `after`,
 * optionally only names containing `search` (any case). `cursorFound` is false when `after` is not the tenant's.
 */
export async function listDashboardsAfter(
  tx: Tx,
  tenantId: string,
  p: { search?: string | undefined; after?: string | undefined; limit: number },
): Promise<{ items: DashboardRow[]; hasMore: boolean; cursorFound: boolean }> {
  const after = await keysetAfter(tx, dashboards, tenantId, p.after, [dashboards.name, dashboards.id], ">");
  if (after === null) return { items: [], hasMore: false, cursorFound: false };
  const named = p.search ? sql`strpos(lower(${dashboards.name}), lower(${p.search})) > 0` : undefined;
  const rows = await tx
    .select()
    .from(dashboards)
    .where(and(eq(dashboards.tenantId, tenantId), named, after))
    .orderBy(asc(dashboards.name), asc(dashboards.id))
    .limit(p.limit + 1);
  return { items: rows.slice(0, p.limit), hasMore: rows.length > p.limit, cursorFound: true };
}

export async function findDashboard(tx: Tx, tenantId: string, id: string): Promise<DashboardRow | undefined> {
  const [row] = await tx
    .select()
    .from(dashboards)
    .where(and(eq(dashboards.tenantId, tenantId), eq(dashboards.id, id)))
    .limit(1);
  return row;
}

export async function insertDashboard(
  tx: Tx,
  row: { tenantId: string; name: string; layout: DashboardLayout; createdBy: string | null },
): Promise<DashboardRow> {
  const [inserted] = await tx.insert(dashboards).values(row).returning();
  if (!inserted) throw new Error("insert into dashboards returned no row");
  return inserted;
}

/**
 * Saves a new name and/or layout when the stored version is still `version` (and bumps it); undefined
 * when the dashboard is gone or was saved by someone else in between (tell them apart with `findDashboard`).
 */
export async function updateDashboardIfVersion(
  tx: Tx,
  tenantId: string,
  id: string,
  version: number,
  changes: { name?: string; layout?: DashboardLayout },
): Promise<DashboardRow | undefined> {
  const [row] = await tx
    .update(dashboards)
    .set({ ...changes, version: sql`${dashboards.version} + 1` })
    .where(and(eq(dashboards.tenantId, tenantId), eq(dashboards.id, id), eq(dashboards.version, version)))
    .returning();
  return row;
}

/** Deletes a dashboard with its share links; false when it does not exist in the tenant. */
export async function deleteDashboard(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const rows = await tx
    .delete(dashboards)
    .where(and(eq(dashboards.tenantId, tenantId), eq(dashboards.id, id)))
    .returning({ id: dashboards.id });
  return rows.length > 0;
}

const shareColumns = {
  id: dashboardShares.id,
  tenantId: dashboardShares.tenantId,
  dashboardId: dashboardShares.dashboardId,
  tokenHint: dashboardShares.tokenHint,
  createdBy: dashboardShares.createdBy,
  revokedAt: dashboardShares.revokedAt,
  lastUsedAt: dashboardShares.lastUsedAt,
  createdAt: dashboardShares.createdAt,
};

/** A dashboard's share links, newest first, revoked ones included. */
export async function listDashboardShares(tx: Tx, tenantId: string, dashboardId: string): Promise<DashboardShareRow[]> {
  return tx
    .select(shareColumns)
    .from(dashboardShares)
    .where(and(eq(dashboardShares.tenantId, tenantId), eq(dashboardShares.dashboardId, dashboardId)))
    .orderBy(desc(dashboardShares.createdAt), desc(dashboardShares.id))
    .limit(100);
}

export async function insertDashboardShare(
  tx: Tx,
  row: { tenantId: string; dashboardId: string; tokenHash: string; tokenHint: string; createdBy: string | null },
): Promise<DashboardShareRow> {
  const [inserted] = await tx.insert(dashboardShares).values(row).returning(shareColumns);
  if (!inserted) throw new Error("insert into dashboard_shares returned no row");
  return inserted;
}

/** Revokes a link and says whose dashboard it opened; undefined when it does not exist in the tenant or was already revoked. */
export async function revokeDashboardShare(tx: Tx, tenantId: string, id: string): Promise<{ dashboardId: string } | undefined> {
  const [row] = await tx
    .update(dashboardShares)
    .set({ revokedAt: new Date() })
    .where(and(eq(dashboardShares.tenantId, tenantId), eq(dashboardShares.id, id), isNull(dashboardShares.revokedAt)))
    .returning({ dashboardId: dashboardShares.dashboardId });
  return row;
}

/** What opening a share link needs: the link's dashboard and its tenant, when the link is live. */
export interface ActiveShare {
  shareId: string;
  dashboardId: string;
  tenant: { id: string; slug: string; name: string; status: "active" | "suspended" };
}

/**
 * Finds a live (not revoked) link by its token's hash, across tenants: run it on a system
 * connection. Marks it used at most once a minute.
 */
export async function findActiveShareByHash(tx: Tx, tokenHash: string): Promise<ActiveShare | undefined> {
  const [row] = await tx
    .select({
      shareId: dashboardShares.id,
      dashboardId: dashboardShares.dashboardId,
      lastUsedAt: dashboardShares.lastUsedAt,
      tenant: { id: tenants.id, slug: tenants.slug, name: tenants.name, status: tenants.status },
    })
    .from(dashboardShares)
    .innerJoin(tenants, eq(tenants.id, dashboardShares.tenantId))
    .where(and(eq(dashboardShares.tokenHash, tokenHash), isNull(dashboardShares.revokedAt)))
    .limit(1);
  if (!row) return undefined;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await tx.update(dashboardShares).set({ lastUsedAt: new Date() }).where(eq(dashboardShares.id, row.shareId));
  }
  return { shareId: row.shareId, dashboardId: row.dashboardId, tenant: row.tenant };
}

/** Devices total / online / enabled, of the whole tenant or only of `deviceIds` (a shared view's devices). */
export async function dashboardDeviceCounts(
  tx: Tx,
  tenantId: string,
  deviceIds: readonly string[] | null,
): Promise<{ total: number; online: number; enabled: number }> {
  if (deviceIds && deviceIds.length === 0) return { total: 0, online: 0, enabled: 0 };
  const [row] = await tx
    .select({
      total: sql<number>`count(*)`.mapWith(Number),
      online: sql<number>`count(*) filter (where ${devices.online} and ${devices.enabled})`.mapWith(Number),
      enabled: sql<number>`count(*) filter (where ${devices.enabled})`.mapWith(Number),
    })
    .from(devices)
    .where(and(eq(devices.tenantId, tenantId), deviceIds ? inArray(devices.id, [...deviceIds]) : undefined));
  return { total: row?.total ?? 0, online: row?.online ?? 0, enabled: row?.enabled ?? 0 };
}

export interface DashboardAlarmRow {
  id: string;
  title: string;
  severity: string;
  status: "active" | "acknowledged" | "cleared";
  deviceId: string;
  deviceName: string;
  lastSeenAt: Date;
}

/** Open (not cleared) alarms, newest first, of the tenant or only of `deviceIds`. */
export async function dashboardOpenAlarms(
  tx: Tx,
  tenantId: string,
  deviceIds: readonly string[] | null,
  limit: number,
): Promise<DashboardAlarmRow[]> {
  if (deviceIds && deviceIds.length === 0) return [];
  return tx
    .select({
      id: alarms.id,
      title: alarms.title,
      severity: alarms.severity,
      status: alarms.status,
      deviceId: alarms.deviceId,
      deviceName: devices.name,
      lastSeenAt: alarms.lastSeenAt,
    })
    .from(alarms)
    .innerJoin(devices, and(eq(devices.tenantId, alarms.tenantId), eq(devices.id, alarms.deviceId)))
    .where(
      and(eq(alarms.tenantId, tenantId), ne(alarms.status, "cleared"), deviceIds ? inArray(alarms.deviceId, [...deviceIds]) : undefined),
    )
    .orderBy(desc(alarms.lastSeenAt), desc(alarms.id))
    .limit(limit);
}

/** The named devices of the tenant with their product and latest values (the widgets' devices). */
export async function dashboardDevices(tx: Tx, tenantId: string, deviceIds: readonly string[]) {
  if (deviceIds.length === 0) return [];
  return tx
    .select({
      id: devices.id,
      name: devices.name,
      productId: devices.productId,
      enabled: devices.enabled,
      online: devices.online,
      latest: devices.latest,
    })
    .from(devices)
    .where(and(eq(devices.tenantId, tenantId), inArray(devices.id, [...deviceIds])));
}
export type { DashboardRow, DashboardShareRow } from "../schema";
