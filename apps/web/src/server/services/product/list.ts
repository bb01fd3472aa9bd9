import { listProducts as queryProducts } from "@aspen/db";
import { z } from "zod";
import { mapPage, pageInput, pageOf } from "../../pagination";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { productSchema, toProductDto } from "./dto";

export const listProductsInput = z.object({ search: z.string().trim().max(100).optional(), ...pageInput });
export const listProductsOutput = pageOf(productSchema);

/** The tenant's products, by name, with their device counts. */
export async function listProducts(scope: Scope, input: z.output<typeof listProductsInput>): Promise<z.output<typeof listProductsOutput>> {
  assertAllowed(scope, "product.read");
  const page = await inTenant(scope, (tx) => queryProducts(tx, scope.tenant.id, input));
  return mapPage(page, toProductDto);
}
