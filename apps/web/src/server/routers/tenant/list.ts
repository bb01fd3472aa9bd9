import { listTenants, listTenantsInput, listTenantsOutput } from "../../services/tenant/list";
import { authedProcedure } from "../../trpc";

/** The tenants the signed-in user belongs to, with their role in each. */
export const list = authedProcedure
  .input(listTenantsInput)
  .output(listTenantsOutput)
  .query(({ ctx, input }) => listTenants(ctx.userScope, input));
