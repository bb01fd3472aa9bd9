import { countDevicesOfProduct, deleteProduct as deleteRow, findProductById, isForeignKeyViolation } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { notifyProductChanged } from "../../device-events";
import { appError, notFound } from "../../errors";
import { publicId, publicIdInput } from "../../public-ids";
import { requirePermission, tenantProcedure } from "../../trpc";

function stillHasDevices(n: number) {
  return appError(
    "CONFLICT",
    "product_has_devices",
    `This product still has ${n} device${n === 1 ? "" : "s"}: delete ${n === 1 ? "it" : "them"} first`,
  );
}

/** Deletes a product that has no devices. */
export const deleteProduct = tenantProcedure
  .use(requirePermission("product.write"))
  .input(z.object({ id: publicIdInput("prd") }))
  .mutation(async ({ ctx, input }) => {
    try {
      const product = await ctx.withTenant(async (tx) => {
        const p = await findProductById(tx, ctx.tenant.id, input.id);
        if (!p) throw notFound("Product");
        const n = await countDevicesOfProduct(tx, ctx.tenant.id, p.id);
        if (n > 0) throw stillHasDevices(n);
        await deleteRow(tx, ctx.tenant.id, p.id);
        return p;
      });
      await notifyProductChanged({ tenantId: ctx.tenant.id, productId: product.id });
      const id = publicId("prd", product.id);
      await recordAudit(ctx.audit, { action: "product.delete", targetType: "product", targetId: id, targetName: product.name });
      return { id, deleted: true as const };
    } catch (err) {
      // A device created between the count and the delete: the foreign key refuses.
      if (isForeignKeyViolation(err)) throw stillHasDevices(1);
      throw err;
    }
  });
