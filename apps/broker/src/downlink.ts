import { internalTopic } from "@aspen/core";
import type { Aedes, Client } from "aedes";

/** Sends to devices on their internal topics; `authorizeForward` maps them back to `v1/devices/me/...`. */
export interface Downlink {
  /** Through aedes' emitter (Redis): reaches the device on whichever broker holds it, or its stored session. */
  publish(tenantId: string, deviceId: string, deviceTopic: string, payload: unknown, qos: 0 | 1): Promise<void>;
  /** Straight to one connection on this broker (replies to a request it just made). */
  send(client: Client, tenantId: string, deviceId: string, deviceTopic: string, payload: unknown, qos: 0 | 1): Promise<void>;
}

export function createDownlink(broker: () => Aedes): Downlink {
  const packet = (tenantId: string, deviceId: string, deviceTopic: string, payload: unknown, qos: 0 | 1) => ({
    cmd: "publish" as const,
    topic: internalTopic(tenantId, deviceId, deviceTopic),
    payload: Buffer.from(JSON.stringify(payload)),
    qos,
    retain: false,
    dup: false,
  });
  return {
    publish: (tenantId, deviceId, deviceTopic, payload, qos) =>
      new Promise((resolve, reject) =>
        broker().publish(packet(tenantId, deviceId, deviceTopic, payload, qos), (err?: Error) => (err ? reject(err) : resolve())),
      ),
    send: (client, tenantId, deviceId, deviceTopic, payload, qos) =>
      new Promise((resolve, reject) =>
        client.publish(packet(tenantId, deviceId, deviceTopic, payload, qos), (err?: Error) => (err ? reject(err) : resolve())),
      ),
  };
}
