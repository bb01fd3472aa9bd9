import { tenantOverview, tenantOverviewOutput } from "../../services/tenant/overview";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Counts for the tenant's home page. */
export const overview = tenantProcedure
  .use(requirePermission("tenant.read"))
  .output(tenantOverviewOutput)
  .query(({ ctx }) => tenantOverview(ctx.scope));
