import { revokeApiKey, revokeApiKeyInput, revokeApiKeyOutput } from "../../services/apiKey/revoke";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Revokes an API key at once. */
export const revoke = tenantProcedure
  .use(requirePermission("apiKey.manage"))
  .input(revokeApiKeyInput)
  .output(revokeApiKeyOutput)
  .mutation(({ ctx, input }) => revokeApiKey(ctx.scope, input));
