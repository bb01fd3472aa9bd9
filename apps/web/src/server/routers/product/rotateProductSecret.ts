import {
  rotateProductSecret as rotateProductSecretService,
  rotateProductSecretInput,
  rotateProductSecretOutput,
} from "../../services/product/rotateSecret";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Generates a new product secret and returns it this once; the previous one stops working. */
export const rotateProductSecret = tenantProcedure
  .use(requirePermission("product.write"))
  .input(rotateProductSecretInput)
  .output(rotateProductSecretOutput)
  .mutation(({ ctx, input }) => rotateProductSecretService(ctx.scope, input));
