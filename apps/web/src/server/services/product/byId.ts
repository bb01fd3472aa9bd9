import { findProductById } from "@aspen/db";
import { z } from "zod";
import { notFound } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { productSchema, toProductDto, type ProductDto } from "./dto";

export const getProductInput = z.object({ id: publicIdInput("prd") });
export const getProductOutput = productSchema;

/** One product with its thing model. */
export async function getProduct(scope: Scope, input: z.output<typeof getProductInput>): Promise<ProductDto> {
  assertAllowed(scope, "product.read");
  const row = await inTenant(scope, (tx) => findProductById(tx, scope.tenant.id, input.id));
  if (!row) throw notFound("Product");
  return toProductDto(row);
}
