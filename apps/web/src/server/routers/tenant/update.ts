import { updateTenant, updateTenantInput, updateTenantOutput } from "../../services/tenant/update";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Renames the tenant (the slug is permanent: it is in URLs and MQTT usernames). */
export const update = tenantProcedure
  .use(requirePermission("tenant.update"))
  .input(updateTenantInput)
  .output(updateTenantOutput)
  .mutation(({ ctx, input }) => updateTenant(ctx.scope, input));
