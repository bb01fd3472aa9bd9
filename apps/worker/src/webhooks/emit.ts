import { createHash } from "node:crypto";
import { endpointWants, webhookPayload, type WebhookEventType, type webhookDataSchemas } from "@aspen/core";
import { enabledWebhookEndpoints, upsertDeliveries, withSystem, type Database } from "@aspen/db";
import { webhookDeliverJob, type createProducer } from "@aspen/jobs";
import type { z } from "zod";

/** A uuid derived from a string (same input, same uuid): event ids of re-processed stream entries repeat. */
export function uuidFrom(s: string): string {
  const h = createHash("sha256").update(s).digest("hex");
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Emits webhook events from the worker: one delivery per enabled endpoint that wants the type (or
 * that the rule names), unique per (endpoint, event id), and one job each with a deterministic id.
 */
export function createWebhookEmitter(db: Database, producer: ReturnType<typeof createProducer>, opts: { ttlMs?: number } = {}) {
  const ttl = opts.ttlMs ?? 3000;
  const cache = new Map<string, { at: number; endpoints: { id: string; eventTypes: string[] }[] }>();
  async function endpointsOf(tenantId: string) {
    const hit = cache.get(tenantId);
    if (hit && Date.now() - hit.at < ttl) return hit.endpoints;
    const endpoints = await withSystem(db, (tx) => enabledWebhookEndpoints(tx, tenantId));
    cache.set(tenantId, { at: Date.now(), endpoints });
    return endpoints;
  }
  return {
    /** Whether any endpoint of the tenant subscribed to `type` explicitly (for the opt-in telemetry event). */
    async wantsExplicitly(tenantId: string, type: WebhookEventType): Promise<boolean> {
      return (await endpointsOf(tenantId)).some((e) => e.eventTypes.includes(type));
    },
    async emit<T extends WebhookEventType>(
      tenantId: string,
      type: T,
      data: z.input<(typeof webhookDataSchemas)[T]>,
      o: { eventId: string; at: Date; endpointIds?: string[] },
    ): Promise<number> {
      const extra = new Set(o.endpointIds ?? []);
      const ids = (await endpointsOf(tenantId)).filter((e) => extra.has(e.id) || endpointWants(e.eventTypes, type)).map((e) => e.id);
      if (ids.length === 0) return 0;
      const body = JSON.stringify(webhookPayload(type, o.at, data));
      const rows = await withSystem(db, (tx) =>
        upsertDeliveries(tx, { tenantId, endpointIds: ids, eventId: o.eventId, eventType: type, body }),
      );
      await Promise.all(
        rows
          .filter((r) => r.status === "pending")
          .map((r) => producer.enqueue(webhookDeliverJob, { tenantId, deliveryId: r.id, replay: 0 })),
      );
      return rows.length;
    },
    invalidate: () => cache.clear(),
  };
}
export type WebhookEmitter = ReturnType<typeof createWebhookEmitter>;
