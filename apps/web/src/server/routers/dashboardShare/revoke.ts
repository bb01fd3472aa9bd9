import { revokeShare, revokeDashboardShareInput, revokeDashboardShareOutput } from "../../services/dashboardShare/revoke";
import { requirePermission, tenantProcedure } from "../../trpc";

/** dashboardShare0 */
export const revoke = tenantProcedure
  .use(requirePermission("device.write"))
  .input(revokeDashboardShareInput)
  .output(revokeDashboardShareOutput)
  .mutation(({ ctx, input }) => revokeShare(ctx.scope, input));
