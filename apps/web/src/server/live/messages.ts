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
  /**
   * Device uuid → the telemetry keys let through (a shared dashboard's series): only these devices'
   * messages, other keys dropped, and a telemetry message left with none.
   */
  keys?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The messages `filter` lets through, with public ids. */
export function forConsole(messages: readonly ChannelMessage[], filter: LiveFilter): ConsoleLiveMessage[] {
  const out: ConsoleLiveMessage[] = [];
  for (const m of messages) {
    if (filter.deviceId && m.deviceId !== filter.deviceId) continue;
    if (filter.deviceIds && !filter.deviceIds.has(m.deviceId)) continue;
    if (filter.types && !filter.types.has(m.type)) continue;
    if (filter.keys && !filter.keys.has(m.deviceId)) continue;
    if (filter.keys && m.type === "telemetry") {
      const narrowed = onlyKeys(m.values, filter.keys.get(m.deviceId));
      if (!narrowed) continue;
      out.push(toConsole({ ...m, values: narrowed }));
      continue;
    }
    out.push(toConsole(m));
  }
  return out;
}

const sharedTypes: ReadonlySet<LiveType> = new Set(["telemetry", "presence"]);

/**
 * What a read-only shared dashboard's stream sends: the values of the series its widgets read
 * (`keys`: device uuid → keys) and its devices' online state — no other device, key or kind of
 * message, and no disconnect reasons.
 */
export function forSharedView(messages: readonly ChannelMessage[], keys: ReadonlyMap<string, ReadonlySet<string>>): ConsoleLiveMessage[] {
  return forConsole(messages, { types: sharedTypes, keys }).map((m) =>
    m.type === "presence" ? { type: m.type, deviceId: m.deviceId, online: m.online, at: m.at } : m,
  );
}

function onlyKeys<V>(values: Record<string, V>, allowed: ReadonlySet<string> | undefined): Record<string, V> | undefined {
  if (!allowed) return undefined;
  let out: Record<string, V> | undefined;
  for (const [k, v] of Object.entries(values)) {
    if (!allowed.has(k)) continue;
    (out ??= {})[k] = v;
  }
  return out;
}

function toConsole(m: ChannelMessage): ConsoleLiveMessage {
  const deviceId = publicId("dev", m.deviceId);
  if (m.type === "command") return { ...m, deviceId, commandId: publicId("cmd", m.commandId) };
  return { ...m, deviceId };
}
