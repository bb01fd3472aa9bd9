import { listPlatformTenants, listPlatformTenantsInput, listPlatformTenantsOutput } from "../../services/platformTenant/list";
import { platformProcedure } from "../queue/_procedure";

/** Every tenant with its plan (platform operators). */
export const list = platformProcedure
  .input(listPlatformTenantsInput)
  .output(listPlatformTenantsOutput)
  .query(({ ctx, input }) => listPlatformTenants({ userId: ctx.user.id }, input));
