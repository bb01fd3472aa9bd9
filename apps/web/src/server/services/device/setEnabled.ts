import { findDeviceById, setDeviceEnabled as writeDeviceEnabled } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { notifyDeviceCredentialsChanged } from "../../device-events";
import { notFound } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { deviceSchema, toDeviceDto, type DeviceDto } from "./dto";

export const setDeviceEnabledInput = z.object({ id: publicIdInput("dev"), enabled: z.boolean() });
export const setDeviceEnabledOutput = deviceSchema;

/** Enables or disables a device; a disabled device is disconnected and refused by the broker. */
export async function setDeviceEnabled(scope: Scope, input: z.output<typeof setDeviceEnabledInput>): Promise<DeviceDto> {
  assertAllowed(scope, "device.write");
  const device = await inTenant(scope, async (tx) => {
    if (!(await writeDeviceEnabled(tx, scope.tenant.id, input.id, input.enabled))) throw notFound("Device");
    const row = await findDeviceById(tx, scope.tenant.id, input.id);
    if (!row) throw notFound("Device");
    return row;
  });
  if (!input.enabled) await notifyDeviceCredentialsChanged({ deviceId: device.id, tenantId: scope.tenant.id, reason: "disabled" });
  const dto = toDeviceDto(device);
  await recordAudit(auditOf(scope), {
    action: input.enabled ? "device.enable" : "device.disable",
    targetType: "device",
    targetId: dto.id,
    targetName: device.name,
  });
  return dto;
}
