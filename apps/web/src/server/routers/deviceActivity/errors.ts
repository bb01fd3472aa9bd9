import { listDeviceErrors, listDeviceErrorsInput, listDeviceErrorsOutput } from "../../services/deviceActivity/errors";
import { requirePermission, tenantProcedure } from "../../trpc";

/** A device's last errors (rejected input, refused connections), newest first. */
export const errors = tenantProcedure
  .use(requirePermission("device.read"))
  .input(listDeviceErrorsInput)
  .output(listDeviceErrorsOutput)
  .query(({ ctx, input }) => listDeviceErrors(ctx.scope, input));
