import { listProductsAfter as queryProductsAfter } from "@aspen/db";
import { type z } from "zod";
import { publicIdInput } from "../../public-ids";
import { cursorLimit, cursorPageOf, unknownCursor } from "../cursor";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { productSchema, toProductDto } from "./dto";
import { listProductsInput } from "./list";

/** The filters of `listProducts`, paged by cursor (keyset) instead of page number. */
export const listProductsAfterInput = listProductsInput
  .omit({ page: true, pageSize: true })
  .extend({ limit: cursorLimit, startingAfter: publicIdInput("prd").optional() });
export const listProductsAfterOutput = cursorPageOf(productSchema);

/** Products by name, `limit` after the product `startingAfter`. */
export async function listProductsAfter(
  scope: Scope,
  input: z.output<typeof listProductsAfterInput>,
): Promise<z.output<typeof listProductsAfterOutput>> {
  assertAllowed(scope, "product.read");
  const { startingAfter, ...filter } = input;
  const page = await inTenant(scope, (tx) => queryProductsAfter(tx, scope.tenant.id, { ...filter, after: startingAfter }));
  if (!page.cursorFound) throw unknownCursor("product");
  const items = page.items.map(toProductDto);
  return { items, hasMore: page.hasMore, nextCursor: page.hasMore ? (items.at(-1)?.id ?? null) : null };
}
