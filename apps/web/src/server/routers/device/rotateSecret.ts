import { findDeviceById, findProductById, setDeviceSecret } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { notifyDeviceCredentialsChanged } from "../../device-events";
import { notFound } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { requirePermission, tenantProcedure } from "../../trpc";
import { credentialsOf, newDeviceSecret } from "./_credentials";
import { toDeviceDto } from "./_dto";

/** Replaces the device secret and returns the new one this once; the old one stops working at once. */
export const rotateSecret = tenantProcedure
  .use(requirePermission("device.secret"))
  .input(z.object({ id: publicIdInput("dev") }))
  .mutation(async ({ ctx, input }) => {
    const secret = newDeviceSecret();
    const { device, model } = await ctx.withTenant(async (tx) => {
      if (!(await setDeviceSecret(tx, ctx.tenant.id, input.id, secret))) throw notFound("Device");
      const device = (await findDeviceById(tx, ctx.tenant.id, input.id))!;
      const product = await findProductById(tx, ctx.tenant.id, device.productId);
      return { device, model: product?.thingModel };
    });
    await notifyDeviceCredentialsChanged({ deviceId: device.id, tenantId: ctx.tenant.id, reason: "secret_rotated" });
    const dto = toDeviceDto(device);
    await recordAudit(ctx.audit, { action: "device.rotate_secret", targetType: "device", targetId: dto.id, targetName: device.name });
    return { device: dto, ...credentialsOf(ctx.tenant.slug, device, secret.secret, model) };
  });
