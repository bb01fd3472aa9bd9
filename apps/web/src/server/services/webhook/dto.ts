import { webhookEventTypes } from "@aspen/core";
import type { DeliveryWithAttempts, WebhookEndpointRow } from "@aspen/db";
import { z } from "zod";
import { publicId } from "../../public-ids";

export const webhookEndpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  /** Subscribed types; empty = every type except `telemetry.received`. */
  eventTypes: z.array(z.string()),
  enabled: z.boolean(),
  disabledReason: z.enum(["manual", "gone", "failing"]).nullable(),
  secretHint: z.string(),
  failingSince: z.date().nullable(),
  lastSuccessAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type WebhookEndpointDto = z.infer<typeof webhookEndpointSchema>;

export function toWebhookEndpointDto(e: WebhookEndpointRow): WebhookEndpointDto {
  return {
    id: publicId("whk", e.id),
    url: e.url,
    description: e.description,
    eventTypes: e.eventTypes,
    enabled: e.enabled,
    disabledReason: e.disabledReason,
    secretHint: e.secretHint,
    failingSince: e.failingSince,
    lastSuccessAt: e.lastSuccessAt,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}

export const eventTypesInput = z
  .array(z.enum(webhookEventTypes, { error: `Event types are: ${webhookEventTypes.join(", ")}` }))
  .max(webhookEventTypes.length);

export const webhookAttemptSchema = z.object({
  attempt: z.number().int(),
  at: z.date(),
  url: z.string(),
  requestHeaders: z.record(z.string(), z.string()),
  requestBody: z.string(),
  responseStatus: z.number().int().nullable(),
  responseBody: z.string().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
});

export const webhookDeliverySchema = z.object({
  id: z.string(),
  endpointId: z.string(),
  /** The `webhook-id` header: the same on every attempt and replay. */
  eventId: z.string(),
  eventType: z.string(),
  body: z.string(),
  status: z.enum(["pending", "delivered", "retrying", "failed"]),
  attempts: z.number().int(),
  replays: z.number().int(),
  lastStatus: z.number().int().nullable(),
  nextAttemptAt: z.date().nullable(),
  deliveredAt: z.date().nullable(),
  createdAt: z.date(),
  attemptLog: z.array(webhookAttemptSchema),
});
export type WebhookDeliveryDto = z.infer<typeof webhookDeliverySchema>;

export function toWebhookDeliveryDto(d: DeliveryWithAttempts): WebhookDeliveryDto {
  return {
    id: publicId("dlv", d.id),
    endpointId: publicId("whk", d.endpointId),
    eventId: publicId("evt", d.eventId),
    eventType: d.eventType,
    body: d.body,
    status: d.status,
    attempts: d.attempts,
    replays: d.replays,
    lastStatus: d.lastStatus,
    nextAttemptAt: d.nextAttemptAt,
    deliveredAt: d.deliveredAt,
    createdAt: d.createdAt,
    attemptLog: d.attemptLog.map((a) => ({
      attempt: a.attempt,
      at: a.at,
      url: a.url,
      requestHeaders: a.requestHeaders,
      requestBody: a.requestBody,
      responseStatus: a.responseStatus,
      responseBody: a.responseBody,
      error: a.error,
      durationMs: a.durationMs,
    })),
  };
}
