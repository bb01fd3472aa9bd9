import { setTenantRetention, setTenantRetentionInput, setTenantRetentionOutput } from "../../services/tenant/setRetention";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Sets how many days the tenant's telemetry and device history are kept. */
export const setRetention = tenantProcedure
  .use(requirePermission("tenant.update"))
  .input(setTenantRetentionInput)
  .output(setTenantRetentionOutput)
  .mutation(({ ctx, input }) => setTenantRetention(ctx.scope, input));
