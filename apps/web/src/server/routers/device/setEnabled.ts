import { findDeviceById, setDeviceEnabled } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { notifyDeviceCredentialsChanged } from "../../device-events";
import { notFound } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { requirePermission, tenantProcedure } from "../../trpc";
import { toDeviceDto } from "./_dto";

/** Enables or disables a device; a disabled device is disconnected and refused by the broker. */
export const setEnabled = tenantProcedure
  .use(requirePermission("device.write"))
  .input(z.object({ id: publicIdInput("dev"), enabled: z.boolean() }))
  .mutation(async ({ ctx, input }) => {
    const device = await ctx.withTenant(async (tx) => {
      if (!(await setDeviceEnabled(tx, ctx.tenant.id, input.id, input.enabled))) throw notFound("Device");
      return (await findDeviceById(tx, ctx.tenant.id, input.id))!;
    });
    if (!input.enabled) await notifyDeviceCredentialsChanged({ deviceId: device.id, tenantId: ctx.tenant.id, reason: "disabled" });
    const dto = toDeviceDto(device);
    await recordAudit(ctx.audit, {
      action: input.enabled ? "device.enable" : "device.disable",
      targetType: "device",
      targetId: dto.id,
      targetName: device.name,
    });
    return dto;
  });
