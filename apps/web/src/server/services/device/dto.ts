import type { DeviceRow } from "@aspen/db";
import { z } from "zod";
import { publicId } from "../../public-ids";

export const deviceStatusSchema = z.enum(["online", "offline", "disabled"]);
export type DeviceStatus = z.infer<typeof deviceStatusSchema>;

export function deviceStatus(d: { enabled: boolean; online: boolean }): DeviceStatus {
  if (!d.enabled) return "disabled";
  return d.online ? "online" : "offline";
}

const jsonRecord = z.record(z.string(), z.unknown());

/** A device as every client sees it. Never carries the secret or its hash; `secretHint` is `abcd…wxyz`. */
export const deviceSchema = z.object({
  id: z.string().meta({ example: "dev_7Yq3tXJ2nE9kQ1dA4cVb8m" }),
  name: z.string(),
  productId: z.string(),
  productName: z.string(),
  labels: z.record(z.string(), z.string()),
  secretHint: z.string(),
  enabled: z.boolean(),
  online: z.boolean(),
  status: deviceStatusSchema,
  lastSeenAt: z.date().nullable(),
  lastConnectedAt: z.date().nullable(),
  latest: jsonRecord,
  reported: jsonRecord,
  desired: jsonRecord,
  shadowVersion: z.number().int(),
  messageCount: z.number().int(),
  errorCount: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type DeviceDto = z.infer<typeof deviceSchema>;

export function toDeviceDto(d: DeviceRow): DeviceDto {
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
