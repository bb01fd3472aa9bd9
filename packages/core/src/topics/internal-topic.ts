import { allowedSubscription } from "./device-acl";
import { deviceTopicPrefix, parseDeviceTopic } from "./device-topic";

const idPattern = /^[A-Za-z0-9_-]{1,64}$/;

function isDeviceTopicOrFilter(topic: string): boolean {
  return parseDeviceTopic(topic) !== null || allowedSubscription(topic);
}

function checkId(what: string, id: string): void {
  if (!idPattern.test(id)) throw new TypeError(`invalid ${what} for a topic: ${JSON.stringify(id)}`);
}

/**
 * The broker-side topic of a device topic (or allowed subscription filter):
 * `v1/devices/me/telemetry` → `t/<tenantId>/d/<deviceId>/telemetry`. Throws on anything else, so
 * call it after the ACL check.
 */
export function internalTopic(tenantId: string, deviceId: string, deviceTopic: string): string {
  checkId("tenant id", tenantId);
  checkId("device id", deviceId);
  if (!isDeviceTopicOrFilter(deviceTopic)) throw new TypeError(`not a device topic: ${JSON.stringify(deviceTopic)}`);
  return `t/${tenantId}/d/${deviceId}/${deviceTopic.slice(deviceTopicPrefix.length)}`;
}

export interface InternalTopic {
  tenantId: string;
  deviceId: string;
  /** The topic as the device sees it, e.g. `v1/devices/me/rpc/request/42`. */
  deviceTopic: string;
}

/** Splits a broker-side topic into tenant, device and device topic; null if it is not one. */
export function parseInternalTopic(internal: string): InternalTopic | null {
  if (typeof internal !== "string") return null;
  const [t, tenantId = "", d, deviceId = "", ...rest] = internal.split("/");
  if (t !== "t" || d !== "d" || !idPattern.test(tenantId) || !idPattern.test(deviceId)) return null;
  const deviceTopic = deviceTopicPrefix + rest.join("/");
  return rest.length > 0 && isDeviceTopicOrFilter(deviceTopic) ? { tenantId, deviceId, deviceTopic } : null;
}

/** The device topic of a broker-side topic: `t/<tenant>/d/<device>/telemetry` → `v1/devices/me/telemetry`. */
export function externalTopic(internal: string): string | null {
  return parseInternalTopic(internal)?.deviceTopic ?? null;
}

/** The Redis pub/sub channel on which commands for one device reach the broker holding it. */
export function commandChannel(tenantId: string, deviceId: string): string {
  checkId("tenant id", tenantId);
  checkId("device id", deviceId);
  return `cmd/${tenantId}/${deviceId}`;
}
