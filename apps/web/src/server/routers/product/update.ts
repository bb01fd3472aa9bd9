import { updateProductInput, updateProductOutput, updateProduct } from "../../services/product/update";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Changes any of name, description, thing model, unknown-key policy, self-registration. */
export const update = tenantProcedure
  .use(requirePermission("product.write"))
  .input(updateProductInput)
  .output(updateProductOutput)
  .mutation(({ ctx, input }) => updateProduct(ctx.scope, input));
