import { deleteDevice as deleteRow, findDeviceById } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { notifyDeviceCredentialsChanged } from "../../device-events";
import { notFound } from "../../errors";
import { publicId, publicIdInput } from "../../public-ids";
import { emitDeviceEvent } from "../../services/webhook/emit";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Deletes a device with its telemetry history; it is disconnected at once. */
export const deleteDevice = tenantProcedure
  .use(requirePermission("device.write"))
  .input(z.object({ id: publicIdInput("dev") }))
  .mutation(async ({ ctx, input }) => {
    const device = await ctx.withTenant(async (tx) => {
      const d = await findDeviceById(tx, ctx.tenant.id, input.id);
      if (!d) throw notFound("Device");
      await deleteRow(tx, ctx.tenant.id, d.id);
      return d;
    });
    await notifyDeviceCredentialsChanged({ deviceId: device.id, tenantId: ctx.tenant.id, reason: "deleted" });
    const id = publicId("dev", device.id);
    await recordAudit(ctx.audit, {
      action: "device.delete",
      targetType: "device",
      targetId: id,
      targetName: device.name,
      details: { product: device.productName },
    });
    await emitDeviceEvent(ctx.tenant.id, "device.deleted", device);
    return { id, deleted: true as const };
  });
