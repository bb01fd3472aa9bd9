import { createDashboard, createDashboardInput, createDashboardOutput } from "../../services/dashboard/create";
import { requirePermission, tenantProcedure } from "../../trpc";

/** dashboard0 */
export const create = tenantProcedure
  .use(requirePermission("device.write"))
  .input(createDashboardInput)
  .output(createDashboardOutput)
  .mutation(({ ctx, input }) => createDashboard(ctx.scope, input));
