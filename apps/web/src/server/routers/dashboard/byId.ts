import { dashboardById, dashboardByIdInput, dashboardByIdOutput } from "../../services/dashboard/byId";
import { requirePermission, tenantProcedure } from "../../trpc";

/** dashboard0 */
export const byId = tenantProcedure
  .use(requirePermission("device.read"))
  .input(dashboardByIdInput)
  .output(dashboardByIdOutput)
  .query(({ ctx, input }) => dashboardById(ctx.scope, input));
