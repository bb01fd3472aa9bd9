import { deleteDashboard as removeDashboard } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { notFound } from "../../errors";
import { notifyShareChanged } from "../../live/share-changed";
import { publicId, publicIdInput } from "../../public-ids";
import { assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { requireDashboard } from "./require";

export const deleteDashboardInput = z.object({ id: publicIdInput("dsh") });
export const deleteDashboardOutput = z.object({ ok: z.literal(true) });

/** Deletes a dashboard and its share links (which stop working at once). */
export async function deleteDashboard(scope: Scope, input: z.output<typeof deleteDashboardInput>) {
  assertAllowed(scope, "device.write");
  const row = await inTenant(scope, async (tx) => {
    const found = await requireDashboard(tx, scope.tenant.id, input.id);
    if (!(await removeDashboard(tx, scope.tenant.id, input.id))) throw notFound("Dashboard");
    return found;
  });
  await notifyShareChanged({ tenantId: scope.tenant.id, dashboardId: row.id, reason: "dashboard_deleted" });
  await recordAudit(auditOf(scope), {
    action: "dashboard.delete",
    targetType: "dashboard",
    targetId: publicId("dsh", row.id),
    targetName: row.name,
  });
  return { ok: true as const };
}
