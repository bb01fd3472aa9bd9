import { compileThingModel, parseThingModel, type CompiledThingModel, type ThingModel } from "@aspen/core";
import type { Tx } from "@aspen/db";
import { findProductForIngest } from "@aspen/db/broker";
import { logger } from "../logger";

export interface ProductModel {
  productId: string;
  model: ThingModel;
  compiled: CompiledThingModel;
  unknownKeys: "reject" | "keep";
}

const maxCached = 500;
// Keyed by product id and its updatedAt, so an edited product is recompiled on its next use.
const cache = new Map<string, { version: number; model: ProductModel }>();

/**
 * The compiled thing model of a product, read in `tx` (so it obeys the caller's tenant scope) and
 * compiled once per product version. Undefined when the product is not visible.
 */
export async function loadProductModel(tx: Tx, productId: string): Promise<ProductModel | undefined> {
  const product = await findProductForIngest(tx, productId);
  if (!product) return undefined;
  const version = product.updatedAt.getTime();
  const hit = cache.get(productId);
  if (hit && hit.version === version && hit.model.unknownKeys === product.unknownKeys) return hit.model;
  // A stored model is valid by construction, but parse anyway: defaults, and never trust a row blindly.
  const parsed = parseThingModel(product.thingModel);
  if (!parsed.ok) logger.error({ productId, errors: parsed.errors.slice(0, 5) }, "stored thing model is invalid; using an empty model");
  const model = parsed.ok ? parsed.model : { properties: [], events: [], commands: [] };
  const entry: ProductModel = {
    productId,
    model,
    compiled: compileThingModel(model, { unknownKeys: product.unknownKeys }),
    unknownKeys: product.unknownKeys,
  };
  if (cache.size >= maxCached) cache.delete(cache.keys().next().value!);
  cache.set(productId, { version, model: entry });
  return entry;
}
