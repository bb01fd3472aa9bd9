import { listProductsInput, listProductsOutput, listProducts } from "../../services/product/list";
import { requirePermission, tenantProcedure } from "../../trpc";

/** The tenant's products, by name, with their device counts. */
export const list = tenantProcedure
  .use(requirePermission("product.read"))
  .input(listProductsInput)
  .output(listProductsOutput)
  .query(({ ctx, input }) => listProducts(ctx.scope, input));
