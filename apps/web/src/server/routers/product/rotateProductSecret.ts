import { generateSecret, hashSecret, secretHint } from "@aspen/core";
import { findProductById, setProductSecret } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { notFound } from "../../errors";
import { publicId, publicIdInput } from "../../public-ids";
import { requirePermission, tenantProcedure } from "../../trpc";

/**
 * Generates a new product secret (for self-registration) and returns it this
 * once; the previous one stops working.
 */
export const rotateProductSecret = tenantProcedure
  .use(requirePermission("product.write"))
  .input(z.object({ id: publicIdInput("prd") }))
  .mutation(async ({ ctx, input }) => {
    const secret = generateSecret();
    const product = await ctx.withTenant(async (tx) => {
      const p = await findProductById(tx, ctx.tenant.id, input.id);
      if (!p) throw notFound("Product");
      await setProductSecret(tx, ctx.tenant.id, p.id, { hash: hashSecret(secret), hint: secretHint(secret) });
      return p;
    });
    const id = publicId("prd", product.id);
    await recordAudit(ctx.audit, {
      action: "product.update",
      targetType: "product",
      targetId: id,
      targetName: product.name,
      details: { productSecret: "rotated" },
    });
    return { id, productKey: product.productKey, productSecret: secret, productSecretHint: secretHint(secret) };
  });
