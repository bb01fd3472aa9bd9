import { setDeviceEnabledInput, setDeviceEnabledOutput, setDeviceEnabled } from "../../services/device/setEnabled";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Enables or disables a device; a disabled device is disconnected and refused by the broker. */
export const setEnabled = tenantProcedure
  .use(requirePermission("device.write"))
  .input(setDeviceEnabledInput)
  .output(setDeviceEnabledOutput)
  .mutation(({ ctx, input }) => setDeviceEnabled(ctx.scope, input));
