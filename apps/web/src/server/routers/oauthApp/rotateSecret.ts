import { rotateOAuthAppSecret, rotateOAuthAppSecretInput, rotateOAuthAppSecretOutput } from "../../services/oauthApp/rotateSecret";
import { requirePermission, tenantProcedure } from "../../trpc";

export const rotateSecret = tenantProcedure
  .use(requirePermission("oauthApp.manage"))
  .input(rotateOAuthAppSecretInput)
  .output(rotateOAuthAppSecretOutput)
  .mutation(({ ctx, input }) => rotateOAuthAppSecret(ctx.scope, input));
