import { randomBytes } from "node:crypto";
import { createProduct, isUniqueViolation } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { appError } from "../../errors";
import { requirePermission, tenantProcedure } from "../../trpc";
import { productDescriptionSchema, productNameSchema, toProductDto, unknownKeysSchema, validThingModel } from "./_dto";

/** A product key is public (it identifies the product in self-registration): `pk_` + 20 url-safe characters. */
export function newProductKey(): string {
  return `pk_${randomBytes(15).toString("base64url")}`;
}

export function productNameTaken(name: string) {
  return appError("CONFLICT", "product_name_taken", `A product named "${name}" already exists`, [
    { path: "name", message: "This name is taken" },
  ]);
}

/** Creates a product with a validated thing model. */
export const create = tenantProcedure
  .use(requirePermission("product.write"))
  .input(
    z.object({
      name: productNameSchema,
      description: productDescriptionSchema.default(""),
      thingModel: z.unknown(),
      unknownKeys: unknownKeysSchema.default("reject"),
      selfRegister: z.boolean().default(false),
    }),
  )
  .mutation(async ({ ctx, input }) => {
    const thingModel = validThingModel(input.thingModel ?? {});
    try {
      const row = await ctx.withTenant((tx) =>
        createProduct(tx, {
          tenantId: ctx.tenant.id,
          name: input.name,
          description: input.description,
          thingModel,
          unknownKeys: input.unknownKeys,
          selfRegister: input.selfRegister,
          productKey: newProductKey(),
        }),
      );
      const dto = toProductDto(row);
      await recordAudit(ctx.audit, {
        action: "product.create",
        targetType: "product",
        targetId: dto.id,
        targetName: row.name,
        details: {
          properties: thingModel.properties.length,
          events: thingModel.events.length,
          commands: thingModel.commands.length,
        },
      });
      return dto;
    } catch (err) {
      if (isUniqueViolation(err, "products_tenant_name_key")) throw productNameTaken(input.name);
      throw err;
    }
  });
