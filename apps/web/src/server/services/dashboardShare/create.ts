import { generateSecret, hashSecret, secretHint } from "@aspen/core";
import { insertDashboardShare } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { publicIdInput } from "../../public-ids";
import { requireDashboard } from "../dashboard/require";
import { actingUserId, assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { dashboardShareSchema, toDashboardShareDto } from "./dto";

export const createDashboardShareInput = z.object({ dashboardId: publicIdInput("dsh") });
export const createDashboardShareOutput = z.object({
  share: dashboardShareSchema,
  /** The secret of the link (`/share/<token>`): shown this once, only its SHA-256 is kept. */
  token: z.string(),
});

/** Makes a secret read-only link to a dashboard; anyone with it sees the dashboard signed out until it is revoked. */
export async function createShare(scope: Scope, input: z.output<typeof createDashboardShareInput>) {
  assertAllowed(scope, "device.write");
  const token = generateSecret();
  const { row, name } = await inTenant(scope, async (tx) => {
    const dashboard = await requireDashboard(tx, scope.tenant.id, input.dashboardId);
    const share = await insertDashboardShare(tx, {
      tenantId: scope.tenant.id,
      dashboardId: dashboard.id,
      tokenHash: hashSecret(token),
      tokenHint: secretHint(token),
      createdBy: actingUserId(scope),
    });
    return { row: share, name: dashboard.name };
  });
  const share = toDashboardShareDto(row);
  await recordAudit(auditOf(scope), { action: "dashboard.share", targetType: "dashboard", targetId: share.dashboardId, targetName: name });
  return { share, token };
}
