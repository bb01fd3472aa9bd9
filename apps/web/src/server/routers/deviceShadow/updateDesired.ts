import {
  updateDesiredAttributes,
  updateDesiredAttributesInput,
  updateDesiredAttributesOutput,
} from "../../services/deviceShadow/updateDesired";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Sets desired attributes (a patch; `null` removes a key), validated against the thing model; the device is told. */
export const updateDesired = tenantProcedure
  .use(requirePermission("device.write"))
  .input(updateDesiredAttributesInput)
  .output(updateDesiredAttributesOutput)
  .mutation(({ ctx, input }) => updateDesiredAttributes(ctx.scope, input));
