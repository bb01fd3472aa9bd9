import { getTenant, getTenantOutput } from "../../services/tenant/bySlug";
import { requirePermission, tenantProcedure } from "../../trpc";

/** The tenant, the caller's role in it and the permissions that role grants. */
export const bySlug = tenantProcedure
  .use(requirePermission("tenant.read"))
  .output(getTenantOutput)
  .query(({ ctx }) => getTenant(ctx.scope));
