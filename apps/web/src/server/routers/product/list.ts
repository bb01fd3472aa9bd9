import { listProducts } from "@aspen/db";
import { z } from "zod";
import { mapPage, pageInput } from "../../pagination";
import { requirePermission, tenantProcedure } from "../../trpc";
import { toProductDto } from "./_dto";

/** The tenant's products, by name, with their device counts. */
export const list = tenantProcedure
  .use(requirePermission("product.read"))
  .input(z.object({ search: z.string().trim().max(100).optional(), ...pageInput }))
  .query(async ({ ctx, input }) => {
    const page = await ctx.withTenant((tx) => listProducts(tx, ctx.tenant.id, input));
    return mapPage(page, toProductDto);
  });
