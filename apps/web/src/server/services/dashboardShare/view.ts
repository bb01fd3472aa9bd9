import { dashboardLayoutSchema, dashboardRanges } from "@aspen/core";
import { z } from "zod";
import { notFound } from "../../errors";
import type { RequestMeta } from "../../request-meta";
import { loadWidgetData, widgetDataSchema } from "../dashboard/widget-data";
import { timeZoneSchema } from "../telemetry/history-scope";
import { shareTokenInput } from "./dto";
import { resolveShare } from "./resolve";

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
  const found = await resolveShare(input.token, meta);
  if (!found) throw notFound("Shared dashboard");
  const { scope, name, layout } = found;
  const widgets = await loadWidgetData(scope, layout, { timeZone: input.timeZone, ranges: input.ranges, onlyLayoutDevices: true });
  return { name, layout, widgets };
}
