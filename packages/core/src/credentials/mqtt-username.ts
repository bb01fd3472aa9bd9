import { deviceNamePattern } from "../tenant/device-name";
import { slugPattern } from "../tenant/slug";

export interface MqttUsername {
  tenantSlug: string;
  deviceName: string;
}

/** The MQTT username of a device: `<tenant-slug>/<device-name>`. */
export function mqttUsername(tenantSlug: string, deviceName: string): string {
  return `${tenantSlug}/${deviceName}`;
}

/** Splits an MQTT username into tenant slug and device name; null if it cannot be one. */
export function parseMqttUsername(username: string): MqttUsername | null {
  if (typeof username !== "string") return null;
  const slash = username.indexOf("/");
  if (slash < 0) return null;
  const tenantSlug = username.slice(0, slash);
  const deviceName = username.slice(slash + 1);
  if (tenantSlug.length < 3 || tenantSlug.length > 40 || !slugPattern.test(tenantSlug)) return null;
  if (deviceName.length > 64 || !deviceNamePattern.test(deviceName)) return null;
  return { tenantSlug, deviceName };
}
