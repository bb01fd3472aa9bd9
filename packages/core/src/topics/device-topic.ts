import { identifierPattern } from "../thing-model/identifier";

/** Every device-facing topic starts with this (ThingsBoard v1 device API). */
export const deviceTopicPrefix = "v1/devices/me/";

const requestIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

/** A device-facing topic, relative to the authenticated device. */
export type DeviceTopic =
  | { kind: "telemetry" }
  | { kind: "attributes" }
  | { kind: "attributesRequest"; requestId: string }
  | { kind: "attributesResponse"; requestId: string }
  | { kind: "rpcRequest"; requestId: string }
  | { kind: "rpcResponse"; requestId: string }
  | { kind: "event"; event: string };

export type DeviceTopicKind = DeviceTopic["kind"];

const requestKinds = {
  "attributes/request": "attributesRequest",
  "attributes/response": "attributesResponse",
  "rpc/request": "rpcRequest",
  "rpc/response": "rpcResponse",
} as const;

/** Reads a device topic; null for wildcards, `$` topics, other devices and any unknown shape. */
export function parseDeviceTopic(topic: string): DeviceTopic | null {
  if (typeof topic !== "string" || !topic.startsWith(deviceTopicPrefix)) return null;
  const levels = topic.slice(deviceTopicPrefix.length).split("/");
  const [first = "", second = "", third = ""] = levels;
  if (levels.length === 1) {
    if (first === "telemetry") return { kind: "telemetry" };
    if (first === "attributes") return { kind: "attributes" };
    return null;
  }
  if (levels.length === 2) {
    return first === "events" && identifierPattern.test(second) ? { kind: "event", event: second } : null;
  }
  if (levels.length === 3 && requestIdPattern.test(third)) {
    const path = `${first}/${second}`;
    if (Object.hasOwn(requestKinds, path)) {
      return { kind: requestKinds[path as keyof typeof requestKinds], requestId: third };
    }
  }
  return null;
}

/** The topic string of a device topic, e.g. for publishing a command to `v1/devices/me/rpc/request/<id>`. */
export function formatDeviceTopic(t: DeviceTopic): string {
  switch (t.kind) {
    case "telemetry":
      return `${deviceTopicPrefix}telemetry`;
    case "attributes":
      return `${deviceTopicPrefix}attributes`;
    case "attributesRequest":
      return `${deviceTopicPrefix}attributes/request/${t.requestId}`;
    case "attributesResponse":
      return `${deviceTopicPrefix}attributes/response/${t.requestId}`;
    case "rpcRequest":
      return `${deviceTopicPrefix}rpc/request/${t.requestId}`;
    case "rpcResponse":
      return `${deviceTopicPrefix}rpc/response/${t.requestId}`;
    case "event":
      return `${deviceTopicPrefix}events/${t.event}`;
  }
}
