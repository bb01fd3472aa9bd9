import { deleteDevice as deleteDeviceService, deleteDeviceInput, deleteDeviceOutput } from "../../services/device/delete";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Deletes a device with its telemetry history; it is disconnected at once. */
export const deleteDevice = tenantProcedure
  .use(requirePermission("device.write"))
  .input(deleteDeviceInput)
  .output(deleteDeviceOutput)
  .mutation(({ ctx, input }) => deleteDeviceService(ctx.scope, input));
