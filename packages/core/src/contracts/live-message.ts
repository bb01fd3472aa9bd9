import { z } from "zod";

/**
 * What a tenant's live channel (`redisKeys().live`) carries: a JSON array of these, published by the
 * broker and by the web app, parsed by the web app's live streams element by element (an element of
 * a kind this version does not know is dropped, the rest of the array still goes through).
 */
const value = z.union([z.number(), z.boolean(), z.string()]);
const params = z.record(z.string(), z.unknown());

export const liveMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("telemetry"), deviceId: z.guid(), ts: z.number(), values: z.record(z.string(), value) }),
  z.object({ type: z.literal("presence"), deviceId: z.guid(), online: z.boolean(), at: z.number(), reason: z.string().optional() }),
  z.object({ type: z.literal("shadow"), deviceId: z.guid(), reported: params, version: z.number() }),
  z.object({ type: z.literal("desired"), deviceId: z.guid(), desired: params, version: z.number() }),
  z.object({ type: z.literal("event"), deviceId: z.guid(), event: z.string(), level: z.string(), ts: z.number(), params }),
  z.object({ type: z.literal("command"), deviceId: z.guid(), commandId: z.guid(), status: z.string() }),
  z.object({ type: z.literal("error"), deviceId: z.guid(), kind: z.string(), reason: z.string(), at: z.number() }),
]);
export type LiveMessage = z.infer<typeof liveMessageSchema>;

export const liveTypes = [
  "telemetry",
  "presence",
  "shadow",
  "desired",
  "event",
  "command",
  "error",
] as const satisfies readonly LiveMessage["type"][];
export type LiveType = (typeof liveTypes)[number];

/** Parses one published payload (a JSON array) into the elements this version knows. Never throws. */
export function parseLivePayload(payload: string): LiveMessage[] {
  let raw: unknown;
  try {
    raw = JSON.parse(payload);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const out: LiveMessage[] = [];
  for (const item of raw) {
    const parsed = liveMessageSchema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}
