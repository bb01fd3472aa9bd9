import { tenantOverview } from "@aspen/db";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Counts for the tenant's home page. */
export const overview = tenantProcedure
  .use(requirePermission("tenant.read"))
  .query(({ ctx }) => ctx.withTenant((tx) => tenantOverview(tx, ctx.tenant.id)));
