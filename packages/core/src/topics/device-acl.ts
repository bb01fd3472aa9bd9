import { deviceTopicPrefix, parseDeviceTopic, type DeviceTopic } from "./device-topic";

const publishable = new Set<DeviceTopic["kind"]>(["telemetry", "attributes", "attributesRequest", "rpcResponse", "event"]);

/** Whether a device may publish on this topic (the other kinds flow from the cloud to the device). */
export function canPublish(t: DeviceTopic): boolean {
  return publishable.has(t.kind);
}

const wildcardFilters = new Set([
  `${deviceTopicPrefix}attributes`,
  `${deviceTopicPrefix}attributes/response/+`,
  `${deviceTopicPrefix}rpc/request/+`,
]);

/** Whether a device may subscribe to this filter: desired attributes, attribute responses, commands. */
export function allowedSubscription(filter: string): boolean {
  if (wildcardFilters.has(filter)) return true;
  const t = parseDeviceTopic(filter);
  return t !== null && (t.kind === "attributesResponse" || t.kind === "rpcRequest");
}
