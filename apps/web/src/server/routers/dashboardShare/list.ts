import { listShares, listDashboardSharesInput, listDashboardSharesOutput } from "../../services/dashboardShare/list";
import { requirePermission, tenantProcedure } from "../../trpc";

/** dashboardShare0 */
export const list = tenantProcedure
  .use(requirePermission("device.write"))
  .input(listDashboardSharesInput)
  .output(listDashboardSharesOutput)
  .query(({ ctx, input }) => listShares(ctx.scope, input));
