import type { Tx } from "@aspen/db";
import { findDeviceLiveState, findDeviceLiveStateWithProduct, type DeviceLiveState } from "@aspen/db/device-data";
import { compiledProductModel, type ProductModel } from "../../device-api/thing-models";
import { notFound } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { inTenant, type Scope } from "../scope";

/** `{ deviceId: "dev_…" }`: the input every device-data operation takes. */
export const deviceInput = { deviceId: publicIdInput("dev") };

/** The device in the scope's tenant, or NOT_FOUND (also for devices of other tenants). */
export async function requireDevice(tx: Tx, tenantId: string, deviceId: string): Promise<DeviceLiveState> {
  const device = await findDeviceLiveState(tx, tenantId, deviceId);
  if (!device) throw notFound("Device");
  return device;
}

/** The device and its product's compiled thing model (one round trip), or NOT_FOUND as `requireDevice`. */
export async function requireDeviceModel(
  tx: Tx,
  tenantId: string,
  deviceId: string,
): Promise<{ device: DeviceLiveState; product: ProductModel }> {
  const found = await findDeviceLiveStateWithProduct(tx, tenantId, deviceId);
  if (!found) throw notFound("Device");
  if (!found.product) throw notFound("Product");
  return { device: found.device, product: await compiledProductModel(found.product) };
}

/** Runs `fn` in the scope's tenant once the device is known there (NOT_FOUND otherwise): a device's history lists. */
export function withDevice<T>(scope: Scope, deviceId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return inTenant(scope, async (tx) => {
    await requireDevice(tx, scope.tenant.id, deviceId);
    return fn(tx);
  });
}
