import { compileThingModel, type CompiledThingModel } from "../thing-model/compile";
import { parseThingModel, type ThingModelError } from "../thing-model/parse";
import type { EventLevel, ThingModel } from "../thing-model/schema";
import type { UnknownKeys } from "../thing-model/validate-values";

/** A product's thing model compiled for ingest (MQTT and HTTP). */
export interface ProductModel {
  productId: string;
  tenantId: string;
  model: ThingModel;
  compiled: CompiledThingModel;
  unknownKeys: UnknownKeys;
  /** Event levels by identifier. */
  eventLevels: Map<string, EventLevel>;
}

/** The product row fields ingest compiles from. */
export interface ProductForModel {
  id: string;
  tenantId: string;
  thingModel: unknown;
  unknownKeys: UnknownKeys;
  /** Changes on every edit; a cached model of another version is stale. */
  updatedAt?: Date;
}

/**
 * Compiles a stored thing model. A stored model is valid by construction, but it is parsed anyway
 * (defaults, and never trust a row blindly): an invalid one becomes an empty model and is reported
 * through `onInvalid`.
 */
export function compileProductModel(product: ProductForModel, onInvalid?: (errors: ThingModelError[]) => void): ProductModel {
  const parsed = parseThingModel(product.thingModel);
  if (!parsed.ok) onInvalid?.(parsed.errors.slice(0, 5));
  const model: ThingModel = parsed.ok ? parsed.model : { properties: [], events: [], commands: [] };
  return {
    productId: product.id,
    tenantId: product.tenantId,
    model,
    compiled: compileThingModel(model, { unknownKeys: product.unknownKeys }),
    unknownKeys: product.unknownKeys,
    eventLevels: new Map(model.events.map((e) => [e.identifier, e.level])),
  };
}

/** The one cache policy for compiled thing models (broker and device HTTP API). */
export const thingModelCachePolicy = {
  /** Safety net: a model is recompiled at least this often even if no change was announced. */
  ttlMs: 10 * 60_000,
  /** Products kept; the oldest entry goes first beyond it. */
  maxEntries: 2000,
} as const;

interface Entry<M> {
  at: number;
  version: string | undefined;
  model: Promise<M | undefined>;
  loaded?: M;
}

/**
 * Per-product compiled validators: cached until the product changes (`invalidate`, or a different
 * `version` asked for), at most `ttlMs` and `maxEntries`; concurrent loads of one product share one
 * load; a failed load is not cached. No I/O of its own: the loader is the caller's.
 */
export class ThingModelCache<M> {
  private readonly entries = new Map<string, Entry<M>>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;

  constructor(opts: { ttlMs?: number; maxEntries?: number; now?: () => number } = {}) {
    this.ttlMs = opts.ttlMs ?? thingModelCachePolicy.ttlMs;
    this.maxEntries = opts.maxEntries ?? thingModelCachePolicy.maxEntries;
    if (opts.now) this.now = opts.now;
  }

  private now = () => Date.now();

  private fresh(productId: string, version?: string): Entry<M> | undefined {
    const hit = this.entries.get(productId);
    if (!hit || this.now() - hit.at >= this.ttlMs) return undefined;
    if (version !== undefined && hit.version !== version) return undefined;
    return hit;
  }

  /** The model if it is loaded and fresh, without waiting (the publish path's common case). */
  peek(productId: string, version?: string): M | undefined {
    return this.fresh(productId, version)?.loaded;
  }

  /** The cached model, or `load()`'s (undefined = the product is gone; cached too, until invalidated or expired). */
  get(productId: string, load: () => Promise<M | undefined> | M | undefined, version?: string): Promise<M | undefined> {
    const hit = this.fresh(productId, version);
    if (hit) return hit.model;
    const model = Promise.resolve().then(load);
    const entry: Entry<M> = { at: this.now(), version, model };
    this.entries.delete(productId);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(productId, entry);
    model.then(
      (m) => (entry.loaded = m),
      () => {
        // A failed load (database away) must not stay cached.
        if (this.entries.get(productId) === entry) this.entries.delete(productId);
      },
    );
    return model;
  }

  invalidate(productId: string): void {
    this.entries.delete(productId);
  }

  get size(): number {
    return this.entries.size;
  }
}
