import { countDevicesOfProduct, deleteProduct as deleteProductRow, findProductById, isForeignKeyViolation } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { notifyProductChanged } from "../../device-events";
import { appError, notFound } from "../../errors";
import { publicId, publicIdInput } from "../../public-ids";
import { assertAllowed, auditOf, inTenant, type Scope } from "../scope";

export const deleteProductInput = z.object({ id: publicIdInput("prd") });
export const deleteProductOutput = z.object({ id: z.string(), deleted: z.literal(true) });

function stillHasDevices(n: number) {
  return appError(
    "CONFLICT",
    "product_has_devices",
    `This product still has ${n} device${n === 1 ? "" : "s"}: delete ${n === 1 ? "it" : "them"} first`,
  );
}

/** Deletes a product that has no devices (CONFLICT `product_has_devices` otherwise). */
export async function deleteProduct(
  scope: Scope,
  input: z.output<typeof deleteProductInput>,
): Promise<z.output<typeof deleteProductOutput>> {
  assertAllowed(scope, "product.write");
  try {
    const product = await inTenant(scope, async (tx) => {
      const p = await findProductById(tx, scope.tenant.id, input.id);
      if (!p) throw notFound("Product");
      const n = await countDevicesOfProduct(tx, scope.tenant.id, p.id);
      if (n > 0) throw stillHasDevices(n);
      await deleteProductRow(tx, scope.tenant.id, p.id);
      return p;
    });
    await notifyProductChanged({ tenantId: scope.tenant.id, productId: product.id });
    const id = publicId("prd", product.id);
    await recordAudit(auditOf(scope), { action: "product.delete", targetType: "product", targetId: id, targetName: product.name });
    return { id, deleted: true as const };
  } catch (err) {
    // A device created between the count and the delete: the foreign key refuses.
    if (isForeignKeyViolation(err)) throw stillHasDevices(1);
    throw err;
  }
}
