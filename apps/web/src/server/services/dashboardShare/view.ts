import { dashboardLayoutSchema, dashboardRanges, hashSecret } from "@aspen/core";
import { findActiveShareByHash, findDashboard, withSystem, withTenant } from "@aspen/db";
import { z } from "zod";
import { getDb, getSystemDb } from "../../db";
import { notFound } from "../../errors";
import type { RequestMeta } from "../../request-meta";
import { loadWidgetData, widgetDataSchema } from "../dashboard/widget-data";
import { shareScope } from "../scope";
import { timeZoneSchema } from "../telemetry/history-scope";
import { shareTokenInput } from "./dto";

export const viewSharedDashboardInput = z.object({
  token: shareTokenInput,
  timeZone: timeZoneSchema,
  ranges: z.record(z.string().max(32), z.enum(dashboardRanges)).default({}),
});
export const viewSharedDashboardOutput = z.object({
  name: z.string(),
  layout: dashboardLayoutSchema,
  widgets: z.array(widgetDataSchema),
});

/**
 * A dashboard opened by its share link, signed out: its name, its widgets and their data, nothing
 * else of the tenant. Command widgets are left out; status counts and alarms cover only the
 * dashboard's own devices. A revoked link, a deleted dashboard or a suspended tenant: NOT_FOUND.
 */
export async function viewSharedDashboard(input: z.output<typeof viewSharedDashboardInput>, meta: RequestMeta) {
  // The token names the tenant: found across tenants on the system connection, then read in that tenant only.
  const share = await withSystem(getSystemDb(), (tx) => findActiveShareByHash(tx, hashSecret(input.token)));
  if (!share || share.tenant.status !== "active") throw notFound("Shared dashboard");
  const scope = shareScope({ db: getDb(), tenant: share.tenant, shareId: share.shareId, meta });
  const row = await withTenant(scope.db, share.tenant.id, (tx) => findDashboard(tx, share.tenant.id, share.dashboardId));
  if (!row) throw notFound("Shared dashboard");
  const layout = { widgets: dashboardLayoutSchema.parse(row.layout).widgets.filter((w) => w.kind !== "command") };
  const widgets = await loadWidgetData(scope, layout, { timeZone: input.timeZone, ranges: input.ranges, onlyLayoutDevices: true });
  return { name: row.name, layout, widgets };
}
