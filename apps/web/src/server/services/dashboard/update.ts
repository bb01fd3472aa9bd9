import { dashboardLayoutSchema } from "@aspen/core";
import { updateDashboardIfVersion } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { appError } from "../../errors";
import { notifyShareChanged } from "../../live/share-changed";
import { publicIdInput } from "../../public-ids";
import { assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { dashboardNameInput, dashboardSchema, toDashboardDto } from "./dto";
import { assertLayoutDevices, requireDashboard } from "./require";

const changeFields = {
  /** The version this change was made on (from `byId` or the last save). */
  version: z.number().int().min(1),
  name: dashboardNameInput.optional(),
  layout: dashboardLayoutSchema.optional(),
};
const somethingToChange = (v: { name?: unknown; layout?: unknown }) => v.name !== undefined || v.layout !== undefined;
const nothingToChange = { message: "Nothing to change: give a name or a layout" };

/** A save without the dashboard's id (the REST body: the id is in the path). */
export const updateDashboardChanges = z.object(changeFields).refine(somethingToChange, nothingToChange);
export const updateDashboardInput = z.object({ id: publicIdInput("dsh"), ...changeFields }).refine(somethingToChange, nothingToChange);
export const updateDashboardOutput = dashboardSchema;

/**
 * Renames a dashboard and/or saves its layout, only if nobody saved it since `version`: otherwise
 * CONFLICT `dashboard_changed` (reload, then redo the change), so no save silently undoes another.
 */
export async function updateDashboard(scope: Scope, input: z.output<typeof updateDashboardInput>) {
  assertAllowed(scope, "device.write");
  const tenantId = scope.tenant.id;
  const row = await inTenant(scope, async (tx) => {
    const current = await requireDashboard(tx, tenantId, input.id);
    if (input.layout) await assertLayoutDevices(tx, tenantId, input.layout);
    const saved = await updateDashboardIfVersion(tx, tenantId, input.id, input.version, { name: input.name, layout: input.layout });
    if (!saved) {
      throw appError(
        "CONFLICT",
        "dashboard_changed",
        `Someone saved this dashboard in the meantime (now version ${current.version}, yours ${input.version}): reload it and make your change again.`,
      );
    }
    return saved;
  });
  // Its share links' open views follow the new layout.
  await notifyShareChanged({ tenantId, dashboardId: row.id, reason: "dashboard_updated" });
  const dashboard = toDashboardDto(row);
  await recordAudit(auditOf(scope), {
    action: "dashboard.update",
    targetType: "dashboard",
    targetId: dashboard.id,
    targetName: row.name,
    details: { version: row.version, widgets: row.layout.widgets.length },
  });
  return dashboard;
}
