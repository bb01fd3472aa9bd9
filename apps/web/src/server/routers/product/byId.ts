import { findProductById } from "@aspen/db";
import { z } from "zod";
import { notFound } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { requirePermission, tenantProcedure } from "../../trpc";
import { toProductDto } from "./_dto";

export const byId = tenantProcedure
  .use(requirePermission("product.read"))
  .input(z.object({ id: publicIdInput("prd") }))
  .query(async ({ ctx, input }) => {
    const row = await ctx.withTenant((tx) => findProductById(tx, ctx.tenant.id, input.id));
    if (!row) throw notFound("Product");
    return toProductDto(row);
  });
