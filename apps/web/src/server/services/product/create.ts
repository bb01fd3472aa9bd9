import { randomBytes } from "node:crypto";
import { createProduct as insertProduct, isUniqueViolation } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { productSchema, toProductDto, unknownKeysSchema, type ProductDto } from "./dto";
import { productDescriptionSchema, productNameSchema, productNameTaken, validThingModel } from "./rules";

export const createProductInput = z.object({
  name: productNameSchema,
  description: productDescriptionSchema.default(""),
  /** Checked by core's thing-model rules (BAD_REQUEST `invalid_thing_model` with every issue). */
  thingModel: z.unknown(),
  unknownKeys: unknownKeysSchema.default("reject"),
  selfRegister: z.boolean().default(false),
});
export const createProductOutput = productSchema;

/** A product key is public (it identifies the product in self-registration): `pk_` + 20 url-safe characters. */
export function newProductKey(): string {
  return `pk_${randomBytes(15).toString("base64url")}`;
}

/** Creates a product with a validated thing model. */
export async function createProduct(scope: Scope, input: z.output<typeof createProductInput>): Promise<ProductDto> {
  assertAllowed(scope, "product.write");
  const thingModel = validThingModel(input.thingModel ?? {});
  try {
    const row = await inTenant(scope, (tx) =>
      insertProduct(tx, {
        tenantId: scope.tenant.id,
        name: input.name,
        description: input.description,
        thingModel,
        unknownKeys: input.unknownKeys,
        selfRegister: input.selfRegister,
        productKey: newProductKey(),
      }),
    );
    const dto = toProductDto(row);
    await recordAudit(auditOf(scope), {
      action: "product.create",
      targetType: "product",
      targetId: dto.id,
      targetName: row.name,
      details: { properties: thingModel.properties.length, events: thingModel.events.length, commands: thingModel.commands.length },
    });
    return dto;
  } catch (err) {
    if (isUniqueViolation(err, "products_tenant_name_key")) throw productNameTaken(input.name);
    throw err;
  }
}
