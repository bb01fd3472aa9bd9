import { listDevicesInput, listDevicesOutput, listDevices } from "../../services/device/list";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Devices, newest first, filtered by name search, product, status and one label. */
export const list = tenantProcedure
  .use(requirePermission("device.read"))
  .input(listDevicesInput)
  .output(listDevicesOutput)
  .query(({ ctx, input }) => listDevices(ctx.scope, input));
