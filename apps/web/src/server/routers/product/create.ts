import { createProductInput, createProductOutput, createProduct } from "../../services/product/create";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Creates a product with a validated thing model. */
export const create = tenantProcedure
  .use(requirePermission("product.write"))
  .input(createProductInput)
  .output(createProductOutput)
  .mutation(({ ctx, input }) => createProduct(ctx.scope, input));
