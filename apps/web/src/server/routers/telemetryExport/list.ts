import { listExports, listExportsInput, listExportsOutput } from "../../services/export/list";
import { requirePermission, tenantProcedure } from "../../trpc";

/** The tenant's latest exports. */
export const list = tenantProcedure
  .use(requirePermission("telemetry.export"))
  .input(listExportsInput)
  .output(listExportsOutput)
  .query(({ ctx, input }) => listExports(ctx.scope, input));
