import { isUniqueViolation, updateProduct as writeProduct } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { notifyProductChanged } from "../../device-events";
import { notFound } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { productSchema, toProductDto, unknownKeysSchema, type ProductDto } from "./dto";
import { productDescriptionSchema, productNameSchema, productNameTaken, validThingModel } from "./rules";

export const updateProductInput = z.object({
  id: publicIdInput("prd"),
  name: productNameSchema.optional(),
  description: productDescriptionSchema.optional(),
  thingModel: z.unknown().optional(),
  unknownKeys: unknownKeysSchema.optional(),
  selfRegister: z.boolean().optional(),
});
export const updateProductOutput = productSchema;

/** Changes any of name, description, thing model, unknown-key policy, self-registration; brokers reload the model. */
export async function updateProduct(scope: Scope, input: z.output<typeof updateProductInput>): Promise<ProductDto> {
  assertAllowed(scope, "product.write");
  const { id, thingModel, ...rest } = input;
  const patch = {
    ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
    ...(thingModel !== undefined ? { thingModel: validThingModel(thingModel) } : {}),
  };
  try {
    const row = await inTenant(scope, (tx) => writeProduct(tx, scope.tenant.id, id, patch));
    if (!row) throw notFound("Product");
    const dto = toProductDto(row);
    await notifyProductChanged({ tenantId: scope.tenant.id, productId: row.id });
    await recordAudit(auditOf(scope), {
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
}
