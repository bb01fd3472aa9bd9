import { decodeReported, describeKeyErrors } from "@aspen/core";
import { applyDeviceStats, insertDeviceErrors, mergeReportedAttributes } from "@aspen/db/broker";
import { findTenantDeviceShadow } from "@aspen/db/device-data";
import { z } from "zod";
import { afterAccepted, publishLive } from "../../device-api/device-state";
import { loadProductModel } from "../../device-api/thing-models";
import { assertDevice, inTenant, type Scope } from "../scope";
import { keyErrorSchema } from "./_schemas";

export const reportAttributesInput = z.object({
  /** Reported (client-side) attributes `{"key": value}`, at least one. */
  values: z.record(z.string(), z.unknown()),
  bytes: z.number().int().min(0),
  route: z.string(),
});
export const reportAttributesOutput = z.object({
  accepted: z.number().int(),
  version: z.number().int(),
  refused: z.array(keyErrorSchema),
  reason: z.string().nullable(),
});

/** Reported attributes from a device: checked key by key, merged into the shadow (version bumped). */
export async function reportAttributes(
  scope: Scope,
  input: z.output<typeof reportAttributesInput>,
): Promise<z.output<typeof reportAttributesOutput>> {
  const device = assertDevice(scope);
  const ids = { tenantId: scope.tenant.id, deviceId: device.id };
  const now = Date.now();
  const result = await inTenant(scope, async (tx) => {
    const product = await loadProductModel(tx, device.productId);
    if (!product) throw new Error(`product ${device.productId} of device ${device.id} not found`);
    const decoded = decodeReported(product.compiled, input.values);
    const accepted = Object.keys(decoded.values).length;
    let version: number | undefined;
    if (accepted > 0) {
      const [v] = await mergeReportedAttributes(tx, [{ deviceId: device.id, values: decoded.values }]);
      version = v?.shadowVersion;
    }
    await applyDeviceStats(tx, [
      { deviceId: device.id, latest: {}, lastSeenAt: now, messages: accepted > 0 ? 1 : 0, errors: decoded.errors.length > 0 ? 1 : 0 },
    ]);
    if (decoded.errors.length > 0) {
      await insertDeviceErrors(tx, [
        { ...ids, kind: "validation", reason: describeKeyErrors(decoded.errors).slice(0, 500), topic: input.route, at: now },
      ]);
    }
    if (version === undefined) version = (await findTenantDeviceShadow(tx, scope.tenant.id, device.id))?.version ?? 0;
    return { decoded, accepted, version };
  });
  if (result.accepted > 0) {
    await afterAccepted({
      ...ids,
      bytes: input.bytes,
      points: 0,
      latest: {},
      live: [{ type: "shadow", deviceId: device.id, reported: result.decoded.values, version: result.version }],
    });
  }
  const reason = result.decoded.errors.length > 0 ? describeKeyErrors(result.decoded.errors) : null;
  if (reason) publishLive(scope.tenant.id, [{ type: "error", deviceId: device.id, kind: "validation", reason, at: now }]);
  return { accepted: result.accepted, version: result.version, refused: result.decoded.errors, reason };
}
