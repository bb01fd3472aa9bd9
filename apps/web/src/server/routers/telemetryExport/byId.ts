import { exportById, exportByIdInput, exportByIdOutput } from "../../services/export/byId";
import { requirePermission, tenantProcedure } from "../../trpc";

/** An export's status and progress. */
export const byId = tenantProcedure
  .use(requirePermission("telemetry.export"))
  .input(exportByIdInput)
  .output(exportByIdOutput)
  .query(({ ctx, input }) => exportById(ctx.scope, input));
