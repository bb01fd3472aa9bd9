import { deviceNameSchema, labelsSchema } from "@aspen/core";
import { findDeviceById, findProductById, insertDevices, isUniqueViolation } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { appError } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { emitDeviceEvent } from "../../services/webhook/emit";
import { requirePermission, tenantProcedure } from "../../trpc";
import { credentialsOf, newDeviceSecret } from "./_credentials";
import { toDeviceDto } from "./_dto";

export function deviceNameTaken(name: string) {
  return appError("CONFLICT", "device_name_taken", `A device named "${name}" already exists in this tenant`, [
    { path: "name", message: "This name is taken" },
  ]);
}

/**
 * Registers a device. The response carries its secret, MQTT settings and a
 * `mosquitto_pub` example — the only time the secret is ever returned.
 */
export const create = tenantProcedure
  .use(requirePermission("device.write"))
  .input(z.object({ name: deviceNameSchema, productId: publicIdInput("prd"), labels: labelsSchema.default({}) }))
  .mutation(async ({ ctx, input }) => {
    const secret = newDeviceSecret();
    try {
      const { device, product } = await ctx.withTenant(async (tx) => {
        const product = await findProductById(tx, ctx.tenant.id, input.productId);
        if (!product) {
          throw appError("NOT_FOUND", "product_not_found", "That product does not exist in this tenant", [
            { path: "productId", message: "No such product" },
          ]);
        }
        const [id] = await insertDevices(tx, [
          {
            tenantId: ctx.tenant.id,
            productId: product.id,
            name: input.name,
            labels: input.labels,
            secretHash: secret.hash,
            secretHint: secret.hint,
            createdBy: ctx.user.id,
          },
        ]);
        return { device: (await findDeviceById(tx, ctx.tenant.id, id!))!, product };
      });
      const dto = toDeviceDto(device);
      await recordAudit(ctx.audit, {
        action: "device.create",
        targetType: "device",
        targetId: dto.id,
        targetName: device.name,
        details: { product: product.name, labels: input.labels },
      });
      await emitDeviceEvent(ctx.tenant.id, "device.created", device);
      return { device: dto, ...credentialsOf(ctx.tenant.slug, device, secret.secret, product.thingModel) };
    } catch (err) {
      if (isUniqueViolation(err, "devices_tenant_name_key")) throw deviceNameTaken(input.name);
      throw err;
    }
  });
