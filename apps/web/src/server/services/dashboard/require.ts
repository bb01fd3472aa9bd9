import { layoutDeviceIds, parsePublicId, type DashboardLayout } from "@aspen/core";
import { findDashboard, type DashboardRow, type Tx } from "@aspen/db";
import { dashboardDevices } from "@aspen/db";
import { appError, notFound } from "../../errors";

/** The dashboard in the tenant, or NOT_FOUND (also for other tenants' dashboards). */
export async function requireDashboard(tx: Tx, tenantId: string, id: string): Promise<DashboardRow> {
  const row = await findDashboard(tx, tenantId, id);
  if (!row) throw notFound("Dashboard");
  return row;
}

/** Refuses a layout naming devices that are not the tenant's (BAD_REQUEST `unknown_device`, per widget). */
export async function assertLayoutDevices(tx: Tx, tenantId: string, layout: DashboardLayout): Promise<void> {
  const ids = layoutDeviceIds(layout);
  const uuids = ids.map((id) => parsePublicId("dev", id)).filter((u): u is string => u !== null);
  const known = new Set((await dashboardDevices(tx, tenantId, uuids)).map((d) => d.id));
  const missing = ids.filter((id) => !known.has(parsePublicId("dev", id) ?? ""));
  if (missing.length === 0) return;
  const details = layout.widgets.flatMap((w, i) => {
    const named = w.kind === "chart" ? w.series.map((s) => s.deviceId) : "deviceId" in w ? [w.deviceId] : [];
    return named.some((d) => missing.includes(d)) ? [{ path: `layout.widgets[${i}]`, message: `Widget ${w.id}: no such device` }] : [];
  });
  throw appError("BAD_REQUEST", "unknown_device", `No such device in this tenant: ${missing.join(", ")}`, details);
}
