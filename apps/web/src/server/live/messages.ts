import { publicId } from "@aspen/core";
import { z } from "zod";

/**
 * What a tenant's live channel carries (JSON arrays, published by the broker and by this app, see
 * `brokerKeys().live`), validated element by element: an element of a kind this version does not
 * know is dropped, the rest of the array still goes through.
 */
const value = z.union([z.number(), z.boolean(), z.string()]);
const params = z.record(z.string(), z.unknown());

export const channelMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("telemetry"), deviceId: z.guid(), ts: z.number(), values: z.record(z.string(), value) }),
  z.object({ type: z.literal("presence"), deviceId: z.guid(), online: z.boolean(), at: z.number(), reason: z.string().optional() }),
  z.object({ type: z.literal("shadow"), deviceId: z.guid(), reported: params, version: z.number() }),
  z.object({ type: z.literal("desired"), deviceId: z.guid(), desired: params, version: z.number() }),
  z.object({ type: z.literal("event"), deviceId: z.guid(), event: z.string(), level: z.string(), ts: z.number(), params }),
  z.object({ type: z.literal("command"), deviceId: z.guid(), commandId: z.guid(), status: z.string() }),
  z.object({ type: z.literal("error"), deviceId: z.guid(), kind: z.string(), reason: z.string(), at: z.number() }),
]);
export type ChannelMessage = z.infer<typeof channelMessageSchema>;

export const liveTypes = ["telemetry", "presence", "shadow", "desired", "event", "command", "error"] as const;
export type LiveType = (typeof liveTypes)[number];

type WithPublicIds<M> = M extends { commandId: string } ? Omit<M, "deviceId" | "commandId"> & { deviceId: string; commandId: string } : Omit<M, "deviceId"> & { deviceId: string };

/** A live message as the browser gets it: ids are public (`dev_…`, `cmd_…`), like everywhere in the console. */
export type ConsoleLiveMessage = WithPublicIds<ChannelMessage>;

export interface LiveFilter {
  /** Device uuid: only messages about this device. */
  deviceId?: string;
  /** Only these kinds (all when absent). */
  types?: ReadonlySet<LiveType>;
}

/** Parses one published payload (a JSON array) into the elements this version knows. Never throws. */
export function parseChannelPayload(payload: string): ChannelMessage[] {
  let raw: unknown;
  try {
    raw = JSON.parse(payload);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const out: ChannelMessage[] = [];
  for (const item of raw) {
    const parsed = channelMessageSchema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

/** The messages `filter` lets through, with public ids. */
export function forConsole(messages: readonly ChannelMessage[], filter: LiveFilter): ConsoleLiveMessage[] {
  const out: ConsoleLiveMessage[] = [];
  for (const m of messages) {
    if (filter.deviceId && m.deviceId !== filter.deviceId) continue;
    if (filter.types && !filter.types.has(m.type)) continue;
    out.push(toConsole(m));
  }
  return out;
}

function toConsole(m: ChannelMessage): ConsoleLiveMessage {
  const deviceId = publicId("dev", m.deviceId);
  if (m.type === "command") return { ...m, deviceId, commandId: publicId("cmd", m.commandId) };
  return { ...m, deviceId } as ConsoleLiveMessage;
}
