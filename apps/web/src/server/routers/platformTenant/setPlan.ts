import { setTenantPlan, setTenantPlanInput, setTenantPlanOutput } from "../../services/platformTenant/setPlan";
import { platformProcedure } from "../queue/_procedure";

/** Moves a tenant to another plan (platform operators). */
export const setPlan = platformProcedure
  .input(setTenantPlanInput)
  .output(setTenantPlanOutput)
  .mutation(({ ctx, input }) => setTenantPlan({ userId: ctx.user.id, email: ctx.user.email, meta: ctx.meta }, input));
