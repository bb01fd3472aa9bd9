import { findDeviceById } from "@aspen/db";
import { z } from "zod";
import { notFound } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { requirePermission, tenantProcedure } from "../../trpc";
import { toDeviceDto } from "./_dto";

/** One device (never its secret). */
export const byId = tenantProcedure
  .use(requirePermission("device.read"))
  .input(z.object({ id: publicIdInput("dev") }))
  .query(async ({ ctx, input }) => {
    const row = await ctx.withTenant((tx) => findDeviceById(tx, ctx.tenant.id, input.id));
    if (!row) throw notFound("Device");
    return { ...toDeviceDto(row), mqttUsername: `${ctx.tenant.slug}/${row.name}` };
  });
