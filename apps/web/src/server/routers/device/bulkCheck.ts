import { bulkCheckDevices, bulkCheckDevicesInput, bulkCheckDevicesOutput } from "../../services/device/bulkCheck";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Checks bulk-import rows as bulkCreate would, creating nothing (the console's preview); a mutation because up to 1000 rows do not fit in a URL. */
export const bulkCheck = tenantProcedure
  .use(requirePermission("device.write"))
  .input(bulkCheckDevicesInput)
  .output(bulkCheckDevicesOutput)
  .mutation(({ ctx, input }) => bulkCheckDevices(ctx.scope, input));
