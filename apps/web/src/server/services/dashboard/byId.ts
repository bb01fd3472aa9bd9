import { z } from "zod";
import { publicIdInput } from "../../public-ids";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { dashboardSchema, toDashboardDto } from "./dto";
import { requireDashboard } from "./require";

export const dashboardByIdInput = z.object({ id: publicIdInput("dsh") });
export const dashboardByIdOutput = dashboardSchema;

/** One dashboard with its layout and version. */
export async function dashboardById(scope: Scope, input: z.output<typeof dashboardByIdInput>) {
  assertAllowed(scope, "device.read");
  return toDashboardDto(await inTenant(scope, (tx) => requireDashboard(tx, scope.tenant.id, input.id)));
}
