import { getDeviceInput, getDeviceOutput, getDevice } from "../../services/device/byId";
import { requirePermission, tenantProcedure } from "../../trpc";

/** One device (never its secret). */
export const byId = tenantProcedure
  .use(requirePermission("device.read"))
  .input(getDeviceInput)
  .output(getDeviceOutput)
  .query(({ ctx, input }) => getDevice(ctx.scope, input));
