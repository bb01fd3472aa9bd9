import { listDashboards, listDashboardsInput, listDashboardsOutput } from "../../services/dashboard/list";
import { requirePermission, tenantProcedure } from "../../trpc";

/** dashboard0 */
export const list = tenantProcedure
  .use(requirePermission("device.read"))
  .input(listDashboardsInput)
  .output(listDashboardsOutput)
  .query(({ ctx, input }) => listDashboards(ctx.scope, input));
