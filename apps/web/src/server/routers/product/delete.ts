import { deleteProduct as deleteProductService, deleteProductInput, deleteProductOutput } from "../../services/product/delete";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Deletes a product that has no devices. */
export const deleteProduct = tenantProcedure
  .use(requirePermission("product.write"))
  .input(deleteProductInput)
  .output(deleteProductOutput)
  .mutation(({ ctx, input }) => deleteProductService(ctx.scope, input));
