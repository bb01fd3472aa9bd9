import { mergeNewest, publicId } from "@aspen/core";
import { z } from "zod";
import { readCachedLatest } from "../../device-api/latest-cache";
import { requireDeviceModel, deviceInput } from "../device/require";
import { assertAllowed, inTenant, type Scope } from "../scope";

export const latestTelemetryInput = z.object(deviceInput);

const valueSchema = z.union([z.number(), z.boolean(), z.string()]);
export const latestTelemetryOutput = z.object({
  deviceId: z.string(),
  online: z.boolean(),
  enabled: z.boolean(),
  lastSeenAt: z.date().nullable(),
  lastConnectedAt: z.date().nullable(),
  messageCount: z.number().int(),
  errorCount: z.number().int(),
  values: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      /** The thing-model type; null for keys the model does not declare. */
      type: z.string().nullable(),
      unit: z.string().nullable(),
      declared: z.boolean(),
      /** ms since the epoch; null until reported. */
      ts: z.number().nullable(),
      value: valueSchema.nullable(),
    }),
  ),
});
type LatestTelemetry = z.output<typeof latestTelemetryOutput>;

/**
 * A device's latest value per key (from the device row, kept by the ingest path), every declared
 * property first (in thing-model order, `ts`/`value` null until reported), then undeclared keys
 * (products that keep unknown keys); plus online state and last seen. Values newer in the Redis cache
 * (written right after each commit) win over the device row (written about a second later).
 */
export async function latestTelemetry(scope: Scope, input: z.output<typeof latestTelemetryInput>): Promise<LatestTelemetry> {
  assertAllowed(scope, "device.read");
  const { device, product } = await inTenant(scope, (tx) => requireDeviceModel(tx, scope.tenant.id, input.deviceId));
  const latest = mergeNewest({ ...device.latest }, await readCachedLatest(device.id));
  const declared = new Set(product.model.properties.map((p) => p.identifier));
  const values: LatestTelemetry["values"] = product.model.properties.map((p) => ({
    key: p.identifier,
    name: p.name,
    type: p.type,
    unit: p.unit ?? null,
    declared: true,
    ts: latest[p.identifier]?.ts ?? null,
    value: latest[p.identifier]?.value ?? null,
  }));
  for (const [key, v] of Object.entries(latest).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (declared.has(key)) continue;
    values.push({ key, name: key, type: null, unit: null, declared: false, ts: v.ts, value: v.value });
  }
  return {
    deviceId: publicId("dev", device.id),
    online: device.enabled && device.online,
    enabled: device.enabled,
    lastSeenAt: device.lastSeenAt,
    lastConnectedAt: device.lastConnectedAt,
    messageCount: device.messageCount,
    errorCount: device.errorCount,
    values,
  };
}
