import { labelsSchema } from "@aspen/core";
import { findDeviceById, updateDeviceLabels } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { notFound } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { deviceSchema, toDeviceDto, type DeviceDto } from "./dto";
import { emitDeviceEvent } from "../webhook/emit";

export const updateDeviceInput = z.object({ id: publicIdInput("dev"), labels: labelsSchema });
export const updateDeviceOutput = deviceSchema;

/** Replaces a device's labels. */
export async function updateDevice(scope: Scope, input: z.output<typeof updateDeviceInput>): Promise<DeviceDto> {
  assertAllowed(scope, "device.write");
  const { before, after } = await inTenant(scope, async (tx) => {
    const before = await findDeviceById(tx, scope.tenant.id, input.id);
    if (!before) throw notFound("Device");
    await updateDeviceLabels(tx, scope.tenant.id, input.id, input.labels);
    const after = await findDeviceById(tx, scope.tenant.id, input.id);
    if (!after) throw notFound("Device");
    return { before, after };
  });
  const dto = toDeviceDto(after);
  await recordAudit(auditOf(scope), {
    action: "device.update",
    targetType: "device",
    targetId: dto.id,
    targetName: after.name,
    details: { labels: { from: before.labels, to: after.labels } },
  });
  await emitDeviceEvent(scope.tenant.id, "device.updated", after);
  return dto;
}
