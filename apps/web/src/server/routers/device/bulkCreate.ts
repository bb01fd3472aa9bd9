import { bulkCreateDevicesInput, bulkCreateDevicesOutput, bulkCreateDevices } from "../../services/device/bulkCreate";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Creates up to 1000 devices at once; nothing when any row is bad (BAD_REQUEST bulk_invalid). */
export const bulkCreate = tenantProcedure
  .use(requirePermission("device.write"))
  .input(bulkCreateDevicesInput)
  .output(bulkCreateDevicesOutput)
  .mutation(({ ctx, input }) => bulkCreateDevices(ctx.scope, input));
