import { ThingModelCache, compileProductModel, type ProductModel } from "@aspen/core";
import type { Database } from "@aspen/db";
import { findProductForIngest } from "@aspen/db/broker";
import type { Logger } from "pino";

export type { ProductModel };

export interface ThingModels {
  /** The compiled model of a product; undefined if the product is gone. Compiled once, then cached. */
  get(productId: string): Promise<ProductModel | undefined>;
  /** The model if it is loaded and fresh, without waiting (the publish path's common case). */
  peek(productId: string): ProductModel | undefined;
  invalidate(productId: string): void;
}

/**
 * Per-product compiled validators under packages/core's cache policy: cached until the product
 * changes (the web app announces it on `productChanged`) or the policy's TTL passes (a safety net).
 */
export function createThingModels(deps: { db: Database; log: Logger; ttlMs?: number }): ThingModels {
  const cache = new ThingModelCache<ProductModel>(deps.ttlMs ? { ttlMs: deps.ttlMs } : {});

  async function load(productId: string): Promise<ProductModel | undefined> {
    const product = await findProductForIngest(deps.db, productId);
    if (!product) return undefined;
    return compileProductModel(product, (errors) =>
      deps.log.error({ productId, errors }, "stored thing model is invalid; validating against an empty model"),
    );
  }

  return {
    get: (productId) => cache.get(productId, () => load(productId)),
    peek: (productId) => cache.peek(productId),
    invalidate: (productId) => cache.invalidate(productId),
  };
}
