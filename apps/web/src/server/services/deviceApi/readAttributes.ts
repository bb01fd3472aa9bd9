import { applyDeviceStats } from "@aspen/db/broker";
import { findTenantDeviceShadow } from "@aspen/db/device-data";
import { z } from "zod";
import { assertDevice, inTenant, type Scope } from "../scope";

export const readAttributesInput = z.object({
  /** Reported keys to return; null = all. */
  clientKeys: z.array(z.string()).nullable(),
  /** Desired keys to return; null = all. */
  sharedKeys: z.array(z.string()).nullable(),
});
export const readAttributesOutput = z
  .object({ reported: z.record(z.string(), z.unknown()), desired: z.record(z.string(), z.unknown()), version: z.number().int() })
  .nullable();

function pick(source: Record<string, unknown>, keys: string[] | null): Record<string, unknown> {
  if (keys === null) return source;
  return Object.fromEntries(keys.filter((k) => Object.hasOwn(source, k)).map((k) => [k, source[k]]));
}

/** The device's own shadow (null when the device no longer exists); counts as a sign of life. */
export async function readAttributes(
  scope: Scope,
  input: z.output<typeof readAttributesInput>,
): Promise<z.output<typeof readAttributesOutput>> {
  const device = assertDevice(scope);
  const shadow = await inTenant(scope, async (tx) => {
    const s = await findTenantDeviceShadow(tx, scope.tenant.id, device.id);
    await applyDeviceStats(tx, [{ deviceId: device.id, latest: {}, lastSeenAt: Date.now(), messages: 0, errors: 0 }]);
    return s;
  });
  if (!shadow) return null;
  return { reported: pick(shadow.reported, input.clientKeys), desired: pick(shadow.desired, input.sharedKeys), version: shadow.version };
}
