import { labelsSchema } from "@aspen/core";
import { findDeviceById, updateDeviceLabels } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { notFound } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { emitDeviceEvent } from "../../services/webhook/emit";
import { requirePermission, tenantProcedure } from "../../trpc";
import { toDeviceDto } from "./_dto";

/** Replaces a device's labels. */
export const update = tenantProcedure
  .use(requirePermission("device.write"))
  .input(z.object({ id: publicIdInput("dev"), labels: labelsSchema }))
  .mutation(async ({ ctx, input }) => {
    const { before, after } = await ctx.withTenant(async (tx) => {
      const before = await findDeviceById(tx, ctx.tenant.id, input.id);
      if (!before) throw notFound("Device");
      await updateDeviceLabels(tx, ctx.tenant.id, input.id, input.labels);
      return { before, after: (await findDeviceById(tx, ctx.tenant.id, input.id))! };
    });
    const dto = toDeviceDto(after);
    await recordAudit(ctx.audit, {
      action: "device.update",
      targetType: "device",
      targetId: dto.id,
      targetName: after.name,
      details: { labels: { from: before.labels, to: after.labels } },
    });
    await emitDeviceEvent(ctx.tenant.id, "device.updated", after);
    return dto;
  });
