import { listCommands } from "@aspen/db/device-data";
import { z } from "zod";
import { mapPage, pageInput } from "../../pagination";
import { requirePermission, tenantProcedure } from "../../trpc";
import { deviceInput, requireDevice } from "../telemetry/_device";
import { commandStatuses, toCommandDto } from "./_dto";

/** A device's commands, newest first, optionally of one status. */
export const list = tenantProcedure
  .use(requirePermission("device.read"))
  .input(z.object({ ...deviceInput, ...pageInput, status: z.enum(commandStatuses).optional() }))
  .query(async ({ ctx, input }) => {
    const page = await ctx.withTenant(async (tx) => {
      await requireDevice(tx, ctx.tenant.id, input.deviceId);
      return listCommands(tx, ctx.tenant.id, input.deviceId, input);
    });
    return mapPage(page, toCommandDto);
  });
