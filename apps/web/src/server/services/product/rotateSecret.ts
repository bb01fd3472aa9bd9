import { generateSecret, hashSecret, secretHint } from "@aspen/core";
import { findProductById, setProductSecret } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { notFound } from "../../errors";
import { publicId, publicIdInput } from "../../public-ids";
import { assertAllowed, auditOf, inTenant, type Scope } from "../scope";

export const rotateProductSecretInput = z.object({ id: publicIdInput("prd") });
/** The new product secret, returned this once, with the product key it pairs with. */
export const rotateProductSecretOutput = z.object({
  id: z.string(),
  productKey: z.string(),
  productSecret: z.string(),
  productSecretHint: z.string(),
});

/** Generates a new product secret (for self-registration); the previous one stops working. */
export async function rotateProductSecret(
  scope: Scope,
  input: z.output<typeof rotateProductSecretInput>,
): Promise<z.output<typeof rotateProductSecretOutput>> {
  assertAllowed(scope, "product.write");
  const secret = generateSecret();
  const product = await inTenant(scope, async (tx) => {
    const p = await findProductById(tx, scope.tenant.id, input.id);
    if (!p) throw notFound("Product");
    await setProductSecret(tx, scope.tenant.id, p.id, { hash: hashSecret(secret), hint: secretHint(secret) });
    return p;
  });
  const id = publicId("prd", product.id);
  await recordAudit(auditOf(scope), {
    action: "product.update",
    targetType: "product",
    targetId: id,
    targetName: product.name,
    details: { productSecret: "rotated" },
  });
  return { id, productKey: product.productKey, productSecret: secret, productSecretHint: secretHint(secret) };
}
