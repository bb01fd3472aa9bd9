import { compileThingModel, parseThingModel, type CompiledThingModel } from "@aspen/core";
import type { Database } from "@aspen/db";
import { findProductForIngest } from "@aspen/db/broker";
import type { Logger } from "pino";

export interface ProductModel {
  productId: string;
  tenantId: string;
  compiled: CompiledThingModel;
  /** Event levels by identifier. */
  eventLevels: Map<string, "info" | "warning" | "fault">;
}

export interface ThingModels {
  /** The compiled model of a product; undefined if the product is gone. Compiled once, then cached. */
  get(productId: string): Promise<ProductModel | undefined>;
  /** The model if it is loaded and fresh, without waiting (the publish path's common case). */
  peek(productId: string): ProductModel | undefined;
  invalidate(productId: string): void;
}

/** Per-product compiled validators, cached until the product changes (or `ttlMs`, as a safety net). */
export function createThingModels(deps: { db: Database; log: Logger; ttlMs?: number }): ThingModels {
  const ttl = deps.ttlMs ?? 10 * 60_000;
  const cache = new Map<string, { at: number; model: Promise<ProductModel | undefined>; loaded?: ProductModel }>();

  async function load(productId: string): Promise<ProductModel | undefined> {
    const product = await findProductForIngest(deps.db, productId);
    if (!product) return undefined;
    // A stored model is valid by construction, but parse anyway: defaults, and never trust a row blindly.
    const parsed = parseThingModel(product.thingModel);
    if (!parsed.ok) {
      deps.log.error({ productId, errors: parsed.errors.slice(0, 5) }, "stored thing model is invalid; validating against an empty model");
    }
    const model = parsed.ok ? parsed.model : { properties: [], events: [], commands: [] };
    return {
      productId,
      tenantId: product.tenantId,
      compiled: compileThingModel(model, { unknownKeys: product.unknownKeys }),
      eventLevels: new Map(model.events.map((e) => [e.identifier, e.level])),
    };
  }

  return {
    get(productId) {
      const hit = cache.get(productId);
      if (hit && Date.now() - hit.at < ttl) return hit.model;
      const model = load(productId);
      const entry: { at: number; model: Promise<ProductModel | undefined>; loaded?: ProductModel } = { at: Date.now(), model };
      cache.set(productId, entry);
      model.then((m) => (entry.loaded = m), () => {});
      // A failed load (database away) must not stay cached.
      model.catch(() => cache.delete(productId));
      return model;
    },
    peek(productId) {
      const hit = cache.get(productId);
      return hit && Date.now() - hit.at < ttl ? hit.loaded : undefined;
    },
    invalidate(productId) {
      cache.delete(productId);
    },
  };
}
