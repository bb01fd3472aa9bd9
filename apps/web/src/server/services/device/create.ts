import { deviceNameSchema, labelsSchema } from "@aspen/core";
import { findDeviceById, findProductById, insertDevices, isUniqueViolation } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { appError } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { actingUserId, assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { credentialsOf, credentialsSchema, newDeviceSecret } from "./credentials";
import { deviceSchema, toDeviceDto } from "./dto";
import { emitDeviceEvent } from "../webhook/emit";

export const createDeviceInput = z.object({ name: deviceNameSchema, productId: publicIdInput("prd"), labels: labelsSchema.default({}) });
/** The device with its secret, MQTT settings and a `mosquitto_pub` example: the only time the secret is returned. */
export const createDeviceOutput = credentialsSchema.extend({ device: deviceSchema });

export function deviceNameTaken(name: string) {
  return appError("CONFLICT", "device_name_taken", `A device named "${name}" already exists in this tenant`, [
    { path: "name", message: "This name is taken" },
  ]);
}

/** Registers a device of one of the tenant's products and returns its secret once. */
export async function createDevice(scope: Scope, input: z.output<typeof createDeviceInput>): Promise<z.output<typeof createDeviceOutput>> {
  assertAllowed(scope, "device.write");
  const secret = newDeviceSecret();
  try {
    const { device, product } = await inTenant(scope, async (tx) => {
      const product = await findProductById(tx, scope.tenant.id, input.productId);
      if (!product) {
        throw appError("NOT_FOUND", "product_not_found", "That product does not exist in this tenant", [
          { path: "productId", message: "No such product" },
        ]);
      }
      const [id] = await insertDevices(tx, [
        {
          tenantId: scope.tenant.id,
          productId: product.id,
          name: input.name,
          labels: input.labels,
          secretHash: secret.hash,
          secretHint: secret.hint,
          createdBy: actingUserId(scope),
        },
      ]);
      const device = id ? await findDeviceById(tx, scope.tenant.id, id) : null;
      if (!device) throw new Error("inserted device not found");
      return { device, product };
    });
    const dto = toDeviceDto(device);
    await recordAudit(auditOf(scope), {
      action: "device.create",
      targetType: "device",
      targetId: dto.id,
      targetName: device.name,
      details: { product: product.name, labels: input.labels },
    });
    await emitDeviceEvent(scope.tenant.id, "device.created", device);
    return { device: dto, ...credentialsOf(scope.tenant.slug, device, secret.secret, product.thingModel) };
  } catch (err) {
    if (isUniqueViolation(err, "devices_tenant_name_key")) throw deviceNameTaken(input.name);
    throw err;
  }
}
