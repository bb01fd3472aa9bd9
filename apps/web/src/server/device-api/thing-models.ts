import { ThingModelCache, compileProductModel, type ProductModel } from "@aspen/core";
import type { Tx } from "@aspen/db";
import { findProductForIngest, type ProductForIngest } from "@aspen/db/broker";
import { logger } from "../logger";

export type { ProductModel };

const g = globalThis as unknown as { __aspenThingModels?: ThingModelCache<ProductModel> };
const cache = (g.__aspenThingModels ??= new ThingModelCache<ProductModel>());

/**
 * The compiled thing model of a product, read in `tx` (so it obeys the caller's tenant scope) and
 * compiled once per product version under packages/core's cache policy. Undefined when the product
 * is not visible.
 */
export async function loadProductModel(tx: Tx, productId: string): Promise<ProductModel | undefined> {
  const product = await findProductForIngest(tx, productId);
  return product ? compiledProductModel(product) : undefined;
}

/** The compiled thing model of a product row already read (see `loadProductModel`). */
export async function compiledProductModel(product: ProductForIngest): Promise<ProductModel> {
  // Keyed by the row's version: an edited product is recompiled on its next use, on every instance.
  const version = `${product.updatedAt.getTime()}:${product.unknownKeys}`;
  const model = await cache.get(
    product.id,
    () =>
      compileProductModel(product, (errors) =>
        logger.error({ productId: product.id, errors }, "stored thing model is invalid; using an empty model"),
      ),
    version,
  );
  if (!model) throw new Error(`thing model of product ${product.id} was not compiled`);
  return model;
}
