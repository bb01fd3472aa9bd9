import { listOAuthAppGrants, listOAuthAppGrantsInput, listOAuthAppGrantsOutput } from "../../services/oauthApp/grants";
import { requirePermission, tenantProcedure } from "../../trpc";

export const grants = tenantProcedure
  .use(requirePermission("oauthApp.manage"))
  .input(listOAuthAppGrantsInput)
  .output(listOAuthAppGrantsOutput)
  .query(({ ctx, input }) => listOAuthAppGrants(ctx.scope, input));
