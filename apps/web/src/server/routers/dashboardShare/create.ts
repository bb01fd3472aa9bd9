import { createShare, createDashboardShareInput, createDashboardShareOutput } from "../../services/dashboardShare/create";
import { requirePermission, tenantProcedure } from "../../trpc";

/** dashboardShare0 */
export const create = tenantProcedure
  .use(requirePermission("device.write"))
  .input(createDashboardShareInput)
  .output(createDashboardShareOutput)
  .mutation(({ ctx, input }) => createShare(ctx.scope, input));
