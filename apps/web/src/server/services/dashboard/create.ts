import { dashboardLayoutSchema } from "@aspen/core";
import { insertDashboard } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { actingUserId, assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { dashboardNameInput, dashboardSchema, toDashboardDto } from "./dto";
import { assertLayoutDevices } from "./require";

export const createDashboardInput = z.object({
  name: dashboardNameInput,
  layout: dashboardLayoutSchema.default({ widgets: [] }),
});
export const createDashboardOutput = dashboardSchema;

/** Creates a dashboard (empty unless a layout is given). */
export async function createDashboard(scope: Scope, input: z.output<typeof createDashboardInput>) {
  assertAllowed(scope, "device.write");
  const row = await inTenant(scope, async (tx) => {
    await assertLayoutDevices(tx, scope.tenant.id, input.layout);
    return insertDashboard(tx, { tenantId: scope.tenant.id, name: input.name, layout: input.layout, createdBy: actingUserId(scope) });
  });
  const dashboard = toDashboardDto(row);
  await recordAudit(auditOf(scope), {
    action: "dashboard.create",
    targetType: "dashboard",
    targetId: dashboard.id,
    targetName: row.name,
  });
  return dashboard;
}
