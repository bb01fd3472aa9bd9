import { dashboardLayoutSchema, publicId, type DashboardLayout } from "@aspen/core";
import { and, eq } from "drizzle-orm";
import type { Tx } from "./client";
import { insertDashboard } from "./queries";
import { dashboards } from "./schema";

export const demoDashboardName = "Demo overview";

/** The demo dashboard's layout over the simulator's thermostats (uuids by name). */
export function demoDashboardLayout(deviceIds: ReadonlyMap<string, string>): DashboardLayout {
  const dev = (name: string) => publicId("dev", deviceIds.get(name) ?? "00000000-0000-4000-8000-000000000000");
  const names = [...deviceIds.keys()].sort();
  const first = names[0] ?? "thermo-01";
  const second = names[1] ?? first;
  return dashboardLayoutSchema.parse({
    widgets: [
      { id: "status", kind: "status", title: "Devices", x: 0, y: 0, w: 4, h: 2 },
      { id: "temp1", kind: "value", title: `${first} temperature`, x: 4, y: 0, w: 4, h: 2, deviceId: dev(first), key: "temperature" },
      {
        id: "hum2",
        kind: "gauge",
        title: `${second} humidity`,
        x: 8,
        y: 0,
        w: 4,
        h: 3,
        deviceId: dev(second),
        key: "humidity",
        min: 0,
        max: 100,
      },
      {
        id: "temps",
        kind: "chart",
        title: "Temperatures",
        x: 0,
        y: 2,
        w: 8,
        h: 5,
        range: "r1h",
        series: names.slice(0, 5).map((n) => ({ deviceId: dev(n), key: "temperature" })),
      },
      { id: "alarms", kind: "alarms", title: "Open alarms", x: 8, y: 3, w: 4, h: 4, limit: 10 },
      { id: "reboot", kind: "command", title: `Reboot ${first}`, x: 0, y: 7, w: 4, h: 2, deviceId: dev(first), method: "reboot" },
    ],
  });
}

/** Creates the demo dashboard once (kept as the user changed it when it exists). */
export async function seedDemoDashboard(
  tx: Tx,
  tenantId: string,
  ownerId: string,
  deviceIds: ReadonlyMap<string, string>,
): Promise<boolean> {
  const [found] = await tx
    .select({ id: dashboards.id })
    .from(dashboards)
    .where(and(eq(dashboards.tenantId, tenantId), eq(dashboards.name, demoDashboardName)))
    .limit(1);
  if (found) return false;
  await insertDashboard(tx, { tenantId, name: demoDashboardName, layout: demoDashboardLayout(deviceIds), createdBy: ownerId });
  return true;
}
