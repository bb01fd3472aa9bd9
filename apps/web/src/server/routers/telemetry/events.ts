import { publicId } from "@aspen/core";
import { listDeviceEvents } from "@aspen/db/device-data";
import { z } from "zod";
import { mapPage, pageInput } from "../../pagination";
import { requirePermission, tenantProcedure } from "../../trpc";
import { deviceInput, requireDevice } from "./_device";

/** A device's thing-model events, newest first; `event` narrows to one identifier. */
export const events = tenantProcedure
  .use(requirePermission("device.read"))
  .input(z.object({ ...deviceInput, ...pageInput, event: z.string().min(1).max(64).optional() }))
  .query(async ({ ctx, input }) => {
    const page = await ctx.withTenant(async (tx) => {
      await requireDevice(tx, ctx.tenant.id, input.deviceId);
      return listDeviceEvents(tx, ctx.tenant.id, input.deviceId, input);
    });
    return mapPage(page, (e) => ({
      id: publicId("evt", e.id),
      event: e.event,
      level: e.level,
      params: e.params,
      ts: e.ts,
    }));
  });
