import { listApiKeys, listApiKeysInput, listApiKeysOutput } from "../../services/apiKey/list";
import { requirePermission, tenantProcedure } from "../../trpc";

/** The tenant's API keys (never the keys themselves). */
export const list = tenantProcedure
  .use(requirePermission("apiKey.manage"))
  .input(listApiKeysInput)
  .output(listApiKeysOutput)
  .query(({ ctx, input }) => listApiKeys(ctx.scope, input));
