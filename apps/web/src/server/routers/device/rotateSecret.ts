import { rotateDeviceSecretInput, rotateDeviceSecretOutput, rotateDeviceSecret } from "../../services/device/rotateSecret";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Replaces the device secret and returns the new one this once. */
export const rotateSecret = tenantProcedure
  .use(requirePermission("device.secret"))
  .input(rotateDeviceSecretInput)
  .output(rotateDeviceSecretOutput)
  .mutation(({ ctx, input }) => rotateDeviceSecret(ctx.scope, input));
