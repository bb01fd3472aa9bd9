import { dashboardData, dashboardDataInput, dashboardDataOutput } from "../../services/dashboard/data";
import { requirePermission, tenantProcedure } from "../../trpc";

/** dashboard0 */
export const data = tenantProcedure
  .use(requirePermission("device.read"))
  .input(dashboardDataInput)
  .output(dashboardDataOutput)
  .query(({ ctx, input }) => dashboardData(ctx.scope, input));
