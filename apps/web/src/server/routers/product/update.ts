import { isUniqueViolation, updateProduct } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { notifyProductChanged } from "../../device-events";
import { notFound } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { requirePermission, tenantProcedure } from "../../trpc";
import { productNameTaken } from "./create";
import { productDescriptionSchema, productNameSchema, toProductDto, unknownKeysSchema, validThingModel } from "./_dto";

/** Changes any of name, description, thing model, unknown-key policy, self-registration. */
export const update = tenantProcedure
  .use(requirePermission("product.write"))
  .input(
    z.object({
      id: publicIdInput("prd"),
      name: productNameSchema.optional(),
      description: productDescriptionSchema.optional(),
      thingModel: z.unknown().optional(),
      unknownKeys: unknownKeysSchema.optional(),
      selfRegister: z.boolean().optional(),
    }),
  )
  .mutation(async ({ ctx, input }) => {
    const { id, thingModel, ...rest } = input;
    const patch = {
      ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
      ...(thingModel !== undefined ? { thingModel: validThingModel(thingModel) } : {}),
    };
    try {
      const row = await ctx.withTenant((tx) => updateProduct(tx, ctx.tenant.id, id, patch));
      if (!row) throw notFound("Product");
      const dto = toProductDto(row);
      await notifyProductChanged({ tenantId: ctx.tenant.id, productId: row.id });
      await recordAudit(ctx.audit, {
        action: "product.update",
        targetType: "product",
        targetId: dto.id,
        targetName: row.name,
        details: { fields: Object.keys(patch) },
      });
      return dto;
    } catch (err) {
      if (input.name && isUniqueViolation(err, "products_tenant_name_key")) throw productNameTaken(input.name);
      throw err;
    }
  });
