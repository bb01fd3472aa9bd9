import { getDeviceShadow, getDeviceShadowInput, getDeviceShadowOutput } from "../../services/deviceShadow/get";
import { requirePermission, tenantProcedure } from "../../trpc";

/** A device's shadow: reported attributes, desired ones, version and the unconfirmed keys. */
export const get = tenantProcedure
  .use(requirePermission("device.read"))
  .input(getDeviceShadowInput)
  .output(getDeviceShadowOutput)
  .query(({ ctx, input }) => getDeviceShadow(ctx.scope, input));
