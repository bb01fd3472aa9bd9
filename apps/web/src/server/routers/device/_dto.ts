import type { DeviceRow } from "@aspen/db";
import { publicId } from "../../public-ids";

export type DeviceStatus = "online" | "offline" | "disabled";

export function deviceStatus(d: { enabled: boolean; online: boolean }): DeviceStatus {
  if (!d.enabled) return "disabled";
  return d.online ? "online" : "offline";
}

/** A device for the console. Never carries the secret or its hash; `secretHint` is `abcd…wxyz`. */
export function toDeviceDto(d: DeviceRow) {
  return {
    id: publicId("dev", d.id),
    name: d.name,
    productId: publicId("prd", d.productId),
    productName: d.productName,
    labels: d.labels,
    secretHint: d.secretHint,
    enabled: d.enabled,
    online: d.online,
    status: deviceStatus(d),
    lastSeenAt: d.lastSeenAt,
    lastConnectedAt: d.lastConnectedAt,
    latest: d.latest,
    reported: d.reported,
    desired: d.desired,
    shadowVersion: d.shadowVersion,
    messageCount: d.messageCount,
    errorCount: d.errorCount,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}
export type DeviceDto = ReturnType<typeof toDeviceDto>;
