import { findTenantById } from "@aspen/db";
import { requirePermission, tenantProcedure } from "../../trpc";
import { toTenantDto } from "./_dto";

/** The tenant, the caller's role in it and the permissions that role grants. */
export const bySlug = tenantProcedure.use(requirePermission("tenant.read")).query(async ({ ctx }) => {
  const row = await findTenantById(ctx.db, ctx.tenant.id);
  return toTenantDto({ ...ctx.tenant, createdAt: row?.createdAt }, ctx.role);
});
