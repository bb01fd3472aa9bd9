import { findTenantDeviceShadow } from "@aspen/db/device-data";
import { z } from "zod";
import { notFound } from "../../errors";
import { deviceInput } from "../device/require";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { shadowSchema, toShadowDto, type ShadowDto } from "./dto";

export const getDeviceShadowInput = z.object(deviceInput);
export const getDeviceShadowOutput = shadowSchema;

/** A device's shadow: reported attributes (from the device), desired ones (from the cloud), version. */
export async function getDeviceShadow(scope: Scope, input: z.output<typeof getDeviceShadowInput>): Promise<ShadowDto> {
  assertAllowed(scope, "device.read");
  const shadow = await inTenant(scope, (tx) => findTenantDeviceShadow(tx, scope.tenant.id, input.deviceId));
  if (!shadow) throw notFound("Device");
  return toShadowDto(shadow);
}
