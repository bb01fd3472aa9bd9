import { deleteOAuthApp, deleteOAuthAppInput, deleteOAuthAppOutput } from "../../services/oauthApp/delete";
import { requirePermission, tenantProcedure } from "../../trpc";

export const deleteApp = tenantProcedure
  .use(requirePermission("oauthApp.manage"))
  .input(deleteOAuthAppInput)
  .output(deleteOAuthAppOutput)
  .mutation(({ ctx, input }) => deleteOAuthApp(ctx.scope, input));
