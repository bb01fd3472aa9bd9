import { createTenant, createTenantInput, createTenantOutput } from "../../services/tenant/create";
import { authedProcedure } from "../../trpc";

/** Creates a tenant; the creator becomes its owner. */
export const create = authedProcedure
  .input(createTenantInput)
  .output(createTenantOutput)
  .mutation(({ ctx, input }) => createTenant(ctx.userScope, input));
