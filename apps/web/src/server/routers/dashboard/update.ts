import { updateDashboard, updateDashboardInput, updateDashboardOutput } from "../../services/dashboard/update";
import { requirePermission, tenantProcedure } from "../../trpc";

/** dashboard0 */
export const update = tenantProcedure
  .use(requirePermission("device.write"))
  .input(updateDashboardInput)
  .output(updateDashboardOutput)
  .mutation(({ ctx, input }) => updateDashboard(ctx.scope, input));
