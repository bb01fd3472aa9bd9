import { z } from "zod";
import { severities } from "../alerts/rule-schema";

/** What a webhook endpoint can subscribe to. `telemetry.received` is opt-in and batched. */
export const webhookEventTypes = [
  "device.created",
  "device.updated",
  "device.deleted",
  "device.online",
  "device.offline",
  "alarm.created",
  "alarm.acknowledged",
  "alarm.cleared",
  "command.succeeded",
  "command.failed",
  "command.timed_out",
  "telemetry.received",
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** Sent only to endpoints that list it explicitly (it can be a lot of traffic). */
export const optInEventTypes: readonly WebhookEventType[] = ["telemetry.received"];

/** The delivery a console "send test" produces; not subscribable. */
export const testEventType = "webhook.test";

const device = z.object({
  id: z.string(), // dev_…
  name: z.string(),
  productId: z.string(), // prd_…
  labels: z.record(z.string(), z.string()).optional(),
  enabled: z.boolean().optional(),
});
const alarm = z.object({
  id: z.string(), // alm_…
  ruleId: z.string(), // rul_…
  ruleName: z.string(),
  severity: z.enum(severities),
  status: z.enum(["active", "acknowledged", "cleared"]),
  deviceId: z.string(),
  deviceName: z.string(),
  count: z.number().int(),
  values: z.record(z.string(), z.unknown()),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  acknowledgedAt: z.string().nullable().optional(),
  comment: z.string().nullable().optional(),
  clearedAt: z.string().nullable().optional(),
});

/** `data` of each event type. */
export const webhookDataSchemas = {
  "device.created": device,
  "device.updated": device,
  "device.deleted": device.pick({ id: true, name: true, productId: true }),
  "device.online": z.object({ deviceId: z.string(), at: z.string() }),
  "device.offline": z.object({ deviceId: z.string(), at: z.string() }),
  "alarm.created": alarm,
  "alarm.acknowledged": alarm,
  "alarm.cleared": alarm,
  "command.succeeded": z.object({ commandId: z.string(), deviceId: z.string(), at: z.string() }),
  "command.failed": z.object({ commandId: z.string(), deviceId: z.string(), at: z.string() }),
  "command.timed_out": z.object({ commandId: z.string(), deviceId: z.string(), at: z.string() }),
  "telemetry.received": z.object({
    points: z.array(z.object({ deviceId: z.string(), ts: z.number().int(), values: z.record(z.string(), z.unknown()) })).max(1000),
  }),
} satisfies Record<WebhookEventType, z.ZodType>;

/** The body of every delivery (Standard Webhooks' recommended shape): `{ type, timestamp, data }`. */
export const webhookPayloadSchema = z.object({
  type: z.union([z.enum(webhookEventTypes), z.literal(testEventType)]),
  /** ISO 8601 time the event happened. */
  timestamp: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;

/** Builds a payload, checking `data` against its type's schema. */
export function webhookPayload<T extends WebhookEventType>(
  type: T,
  at: Date,
  data: z.input<(typeof webhookDataSchemas)[T]>,
): WebhookPayload {
  const parsed = (webhookDataSchemas[type] as z.ZodType).parse(data) as Record<string, unknown>;
  return { type, timestamp: at.toISOString(), data: parsed };
}

/** Whether an endpoint subscribed to `types` receives `type`. An empty list means every non-opt-in type. */
export function endpointWants(types: readonly string[], type: string): boolean {
  if (types.includes(type)) return true;
  return types.length === 0 && !(optInEventTypes as readonly string[]).includes(type);
}
