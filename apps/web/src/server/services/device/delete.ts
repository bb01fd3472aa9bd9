import { deleteDevice as deleteDeviceRow, findDeviceById } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { notifyDeviceCredentialsChanged } from "../../device-events";
import { notFound } from "../../errors";
import { publicId, publicIdInput } from "../../public-ids";
import { assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { emitDeviceEvent } from "../webhook/emit";

export const deleteDeviceInput = z.object({ id: publicIdInput("dev") });
export const deleteDeviceOutput = z.object({ id: z.string(), deleted: z.literal(true) });

/** Deletes a device with its telemetry history; it is disconnected at once. */
export async function deleteDevice(scope: Scope, input: z.output<typeof deleteDeviceInput>): Promise<z.output<typeof deleteDeviceOutput>> {
  assertAllowed(scope, "device.write");
  const device = await inTenant(scope, async (tx) => {
    const d = await findDeviceById(tx, scope.tenant.id, input.id);
    if (!d) throw notFound("Device");
    await deleteDeviceRow(tx, scope.tenant.id, d.id);
    return d;
  });
  await notifyDeviceCredentialsChanged({ deviceId: device.id, tenantId: scope.tenant.id, reason: "deleted" });
  const id = publicId("dev", device.id);
  await recordAudit(auditOf(scope), {
    action: "device.delete",
    targetType: "device",
    targetId: id,
    targetName: device.name,
    details: { product: device.productName },
  });
  await emitDeviceEvent(scope.tenant.id, "device.deleted", device);
  return { id, deleted: true as const };
}
