import { randomUUID } from "node:crypto";
import { endpointWants, webhookPayload, type WebhookEventType, type WebhookPayload, type webhookDataSchemas } from "@aspen/core";
import { enabledWebhookEndpoints, upsertDeliveries, withTenant } from "@aspen/db";
import { webhookDeliverJob } from "@aspen/jobs";
import type { z } from "zod";
import { getDb } from "../../db";
import { getProducer } from "../../jobs";
import { logger } from "../../logger";
import { publicId } from "../../public-ids";

/** Stores one delivery per endpoint for a payload and enqueues a job for each; returns the delivery ids. */
export async function deliverPayload(
  tenantId: string,
  endpointIds: string[],
  payload: WebhookPayload,
  eventId = randomUUID(),
): Promise<string[]> {
  if (endpointIds.length === 0) return [];
  const body = JSON.stringify(payload);
  const rows = await withTenant(getDb(), tenantId, (tx) =>
    upsertDeliveries(tx, { tenantId, endpointIds, eventId, eventType: payload.type, body }),
  );
  const producer = getProducer();
  await Promise.all(
    rows.filter((r) => r.status === "pending").map((r) => producer.enqueue(webhookDeliverJob, { tenantId, deliveryId: r.id, replay: 0 })),
  );
  return rows.map((r) => r.id);
}

/**
 * Emits a webhook event of a tenant: one delivery (and one job) per enabled endpoint that subscribed
 * to `type`. Never throws: a failure is logged and the operation that emitted still succeeds.
 */
export async function emitWebhookEvent<T extends WebhookEventType>(
  tenantId: string,
  type: T,
  data: z.input<(typeof webhookDataSchemas)[T]>,
  opts: { at?: Date; endpointIds?: string[] } = {},
): Promise<number> {
  try {
    const payload = webhookPayload(type, opts.at ?? new Date(), data);
    const endpoints = await withTenant(getDb(), tenantId, (tx) => enabledWebhookEndpoints(tx, tenantId));
    const extra = new Set(opts.endpointIds ?? []);
    const ids = endpoints.filter((e) => extra.has(e.id) || endpointWants(e.eventTypes, type)).map((e) => e.id);
    return (await deliverPayload(tenantId, ids, payload)).length;
  } catch (err) {
    logger.error({ err: (err as Error).message, tenantId, type }, "could not emit webhook event");
    return 0;
  }
}

/** device.created / updated / deleted for a device row. Never throws. */
export function emitDeviceEvent(
  tenantId: string,
  type: "device.created" | "device.updated" | "device.deleted",
  d: { id: string; name: string; productId: string; labels: Record<string, string>; enabled: boolean },
): Promise<number> {
  const base = { id: publicId("dev", d.id), name: d.name, productId: publicId("prd", d.productId) };
  return type === "device.deleted"
    ? emitWebhookEvent(tenantId, type, base)
    : emitWebhookEvent(tenantId, type, { ...base, labels: d.labels, enabled: d.enabled });
}
