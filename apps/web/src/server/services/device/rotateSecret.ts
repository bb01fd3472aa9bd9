import { findDeviceById, findProductById, setDeviceSecret } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { notifyDeviceCredentialsChanged } from "../../device-events";
import { notFound } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { credentialsOf, credentialsSchema, newDeviceSecret } from "./credentials";
import { deviceSchema, toDeviceDto } from "./dto";

export const rotateDeviceSecretInput = z.object({ id: publicIdInput("dev") });
export const rotateDeviceSecretOutput = credentialsSchema.extend({ device: deviceSchema });

/** Replaces the device secret and returns the new one this once; the old one stops working at once. */
export async function rotateDeviceSecret(
  scope: Scope,
  input: z.output<typeof rotateDeviceSecretInput>,
): Promise<z.output<typeof rotateDeviceSecretOutput>> {
  assertAllowed(scope, "device.secret");
  const secret = newDeviceSecret();
  const { device, model } = await inTenant(scope, async (tx) => {
    if (!(await setDeviceSecret(tx, scope.tenant.id, input.id, secret))) throw notFound("Device");
    const device = await findDeviceById(tx, scope.tenant.id, input.id);
    if (!device) throw notFound("Device");
    const product = await findProductById(tx, scope.tenant.id, device.productId);
    return { device, model: product?.thingModel };
  });
  await notifyDeviceCredentialsChanged({ deviceId: device.id, tenantId: scope.tenant.id, reason: "secret_rotated" });
  const dto = toDeviceDto(device);
  await recordAudit(auditOf(scope), { action: "device.rotate_secret", targetType: "device", targetId: dto.id, targetName: device.name });
  return { device: dto, ...credentialsOf(scope.tenant.slug, device, secret.secret, model) };
}
