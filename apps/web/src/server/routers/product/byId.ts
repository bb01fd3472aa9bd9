import { getProductInput, getProductOutput, getProduct } from "../../services/product/byId";
import { requirePermission, tenantProcedure } from "../../trpc";

/** One product with its thing model. */
export const byId = tenantProcedure
  .use(requirePermission("product.read"))
  .input(getProductInput)
  .output(getProductOutput)
  .query(({ ctx, input }) => getProduct(ctx.scope, input));
