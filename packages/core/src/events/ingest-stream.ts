import { z } from "zod";
import { eventLevels } from "../thing-model/schema";

/**
 * What the broker and the device HTTP API append to a Redis Stream after each committed batch, for the
 * worker's alert evaluation (one entry per batch, never one per message; read in a consumer group).
 * Only committed data goes in: a PUBACKed message is in Postgres before it is in the stream.
 */
export function ingestStreamKey(prefix = ""): string {
  return `${prefix}aspen:stream:ingest`;
}

/** The stream entry's single field; its value is the JSON of an `IngestBatch`. */
export const ingestStreamField = "batch";

const scalar = z.union([z.number(), z.string(), z.boolean()]);

export const ingestBatchSchema = z.object({
  v: z.literal(1),
  /** Unique per committed batch (e.g. `<broker-id>-<seq>`): with the entry id it makes evaluation idempotent. */
  batchId: z.string().min(1).max(200),
  /** What committed it. */
  source: z.enum(["mqtt", "http"]),
  committedAt: z.number().int(),
  /** Telemetry values, one item per (device, message), in commit order. */
  telemetry: z.array(
    z.object({
      tenantId: z.uuid(),
      productId: z.uuid(),
      deviceId: z.uuid(),
      ts: z.number().int(),
      values: z.record(z.string(), scalar),
    }),
  ),
  /** Thing-model events the batch committed. */
  events: z.array(
    z.object({
      tenantId: z.uuid(),
      productId: z.uuid(),
      deviceId: z.uuid(),
      ts: z.number().int(),
      event: z.string(),
      level: z.enum(eventLevels).optional(),
      params: z.record(z.string(), z.unknown()).optional(),
    }),
  ),
  /** Connections and disconnections the batch's broker committed (device.online / device.offline). */
  presence: z
    .array(z.object({ tenantId: z.uuid(), productId: z.uuid(), deviceId: z.uuid(), ts: z.number().int(), online: z.boolean() }))
    .default([]),
  /** Command results committed (command.succeeded / failed / timed_out). */
  commands: z
    .array(
      z.object({
        tenantId: z.uuid(),
        deviceId: z.uuid(),
        commandId: z.uuid(),
        ts: z.number().int(),
        status: z.enum(["succeeded", "failed", "timed_out"]),
      }),
    )
    .default([]),
});
export type IngestBatch = z.infer<typeof ingestBatchSchema>;
