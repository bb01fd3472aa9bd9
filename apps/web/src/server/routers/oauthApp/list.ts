import { listOAuthApps, listOAuthAppsInput, listOAuthAppsOutput } from "../../services/oauthApp/list";
import { requirePermission, tenantProcedure } from "../../trpc";

export const list = tenantProcedure
  .use(requirePermission("oauthApp.manage"))
  .input(listOAuthAppsInput)
  .output(listOAuthAppsOutput)
  .query(({ ctx, input }) => listOAuthApps(ctx.scope, input));
