import { dashboardRanges } from "@aspen/core";
import { z } from "zod";
import { publicIdInput } from "../../public-ids";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { timeZoneSchema } from "../telemetry/history-scope";
import { requireDashboard } from "./require";
import { loadWidgetData, widgetDataSchema } from "./widget-data";

export const dashboardDataInput = z.object({
  id: publicIdInput("dsh"),
  timeZone: timeZoneSchema,
  /** Chart ranges picked in the view, by widget id. */
  ranges: z.record(z.string().max(32), z.enum(dashboardRanges)).default({}),
});
export const dashboardDataOutput = z.object({ version: z.number().int(), widgets: z.array(widgetDataSchema) });

/** What every widget of a dashboard shows, in one call (the page then follows the live stream). */
export async function dashboardData(scope: Scope, input: z.output<typeof dashboardDataInput>) {
  assertAllowed(scope, "device.read");
  const row = await inTenant(scope, (tx) => requireDashboard(tx, scope.tenant.id, input.id));
  const widgets = await loadWidgetData(scope, row.layout, { timeZone: input.timeZone, ranges: input.ranges, onlyLayoutDevices: false });
  return { version: row.version, widgets };
}
