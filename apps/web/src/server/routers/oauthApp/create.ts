import { createOAuthApp, createOAuthAppInput, createOAuthAppOutput } from "../../services/oauthApp/create";
import { requirePermission, tenantProcedure } from "../../trpc";

export const create = tenantProcedure
  .use(requirePermission("oauthApp.manage"))
  .input(createOAuthAppInput)
  .output(createOAuthAppOutput)
  .mutation(({ ctx, input }) => createOAuthApp(ctx.scope, input));
