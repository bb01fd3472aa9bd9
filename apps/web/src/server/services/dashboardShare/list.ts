import { listDashboardShares } from "@aspen/db";
import { z } from "zod";
import { publicIdInput } from "../../public-ids";
import { requireDashboard } from "../dashboard/require";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { dashboardShareSchema, toDashboardShareDto } from "./dto";

export const listDashboardSharesInput = z.object({ dashboardId: publicIdInput("dsh") });
export const listDashboardSharesOutput = z.object({ items: z.array(dashboardShareSchema) });

/** A dashboard's share links (revoked ones say when). Sharing is editing: it needs device.write. */
export async function listShares(scope: Scope, input: z.output<typeof listDashboardSharesInput>) {
  assertAllowed(scope, "device.write");
  const rows = await inTenant(scope, async (tx) => {
    await requireDashboard(tx, scope.tenant.id, input.dashboardId);
    return listDashboardShares(tx, scope.tenant.id, input.dashboardId);
  });
  return { items: rows.map(toDashboardShareDto) };
}
