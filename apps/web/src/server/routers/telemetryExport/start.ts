import { startExport, startExportInput, startExportOutput } from "../../services/export/start";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Starts a CSV / JSON Lines export of a range for a device or a product's devices. */
export const start = tenantProcedure
  .use(requirePermission("telemetry.export"))
  .input(startExportInput)
  .output(startExportOutput)
  .mutation(({ ctx, input }) => startExport(ctx.scope, input));
