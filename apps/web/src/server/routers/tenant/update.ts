import { updateTenantName } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { notFound } from "../../errors";
import { requirePermission, tenantProcedure } from "../../trpc";
import { toTenantDto } from "./_dto";
import { tenantNameSchema } from "./create";

/** Renames the tenant (the slug is permanent: it is in URLs and MQTT usernames). */
export const update = tenantProcedure
  .use(requirePermission("tenant.update"))
  .input(z.object({ name: tenantNameSchema }))
  .mutation(async ({ ctx, input }) => {
    const row = await ctx.withTenant((tx) => updateTenantName(tx, ctx.tenant.id, input.name));
    if (!row) throw notFound("Tenant");
    await recordAudit(ctx.audit, {
      action: "tenant.update",
      targetType: "tenant",
      targetId: row.slug,
      targetName: row.name,
      details: { name: { from: ctx.tenant.name, to: row.name } },
    });
    return toTenantDto(row, ctx.role);
  });
