import { getTenantRetention, tenantRetentionOutput } from "../../services/tenant/retention";
import { requirePermission, tenantProcedure } from "../../trpc";

/** How many days the tenant's data is kept. */
export const retention = tenantProcedure
  .use(requirePermission("tenant.read"))
  .output(tenantRetentionOutput)
  .query(({ ctx }) => getTenantRetention(ctx.scope));
