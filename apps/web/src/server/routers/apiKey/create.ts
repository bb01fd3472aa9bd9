import { createApiKey, createApiKeyInput, createApiKeyOutput } from "../../services/apiKey/create";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Creates an API key; the answer carries the key, shown this once. */
export const create = tenantProcedure
  .use(requirePermission("apiKey.manage"))
  .input(createApiKeyInput)
  .output(createApiKeyOutput)
  .mutation(({ ctx, input }) => createApiKey(ctx.scope, input));
