import { publicId, type LiveMessage, type LiveType } from "@aspen/core";

/**
 * A tenant's live channel carries packages/core's `LiveMessage` (one zod schema the broker and this
 * app share); this file turns them into what the browser gets.
 */
export { liveMessageSchema as channelMessageSchema, liveTypes, parseLivePayload as parseChannelPayload } from "@aspen/core";
export type ChannelMessage = LiveMessage;
export type { LiveType };

type WithPublicIds<M> = M extends { commandId: string }
  ? Omit<M, "deviceId" | "commandId"> & { deviceId: string; commandId: string }
  : Omit<M, "deviceId"> & { deviceId: string };

/** A live message as the browser gets it: ids are public (`dev_…`, `cmd_…`), like everywhere in the console. */
export type ConsoleLiveMessage = WithPublicIds<ChannelMessage>;

export interface LiveFilter {
  /** Device uuid: only messages about this device. */
  deviceId?: string;
  /** Device uuids: only messages about these devices. */
  deviceIds?: ReadonlySet<string>;
  /** Only these kinds (all when absent). */
  types?: ReadonlySet<LiveType>;
}

/** The messages `filter` lets through, with public ids. */
export function forConsole(messages: readonly ChannelMessage[], filter: LiveFilter): ConsoleLiveMessage[] {
  const out: ConsoleLiveMessage[] = [];
  for (const m of messages) {
    if (filter.deviceId && m.deviceId !== filter.deviceId) continue;
    if (filter.deviceIds && !filter.deviceIds.has(m.deviceId)) continue;
    if (filter.types && !filter.types.has(m.type)) continue;
    out.push(toConsole(m));
  }
  return out;
}

function toConsole(m: ChannelMessage): ConsoleLiveMessage {
  const deviceId = publicId("dev", m.deviceId);
  if (m.type === "command") return { ...m, deviceId, commandId: publicId("cmd", m.commandId) };
  return { ...m, deviceId };
}
