import { updateDeviceInput, updateDeviceOutput, updateDevice } from "../../services/device/update";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Replaces a device's labels. */
export const update = tenantProcedure
  .use(requirePermission("device.write"))
  .input(updateDeviceInput)
  .output(updateDeviceOutput)
  .mutation(({ ctx, input }) => updateDevice(ctx.scope, input));
