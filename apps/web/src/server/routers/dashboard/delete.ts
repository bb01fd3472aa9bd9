import { deleteDashboard, deleteDashboardInput, deleteDashboardOutput } from "../../services/dashboard/delete";
import { requirePermission, tenantProcedure } from "../../trpc";

/** dashboard0 */
export const deleteProcedure = tenantProcedure
  .use(requirePermission("device.write"))
  .input(deleteDashboardInput)
  .output(deleteDashboardOutput)
  .mutation(({ ctx, input }) => deleteDashboard(ctx.scope, input));
