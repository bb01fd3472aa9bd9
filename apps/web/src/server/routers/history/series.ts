import { telemetryHistory, telemetryHistoryInput, telemetryHistoryOutput } from "../../services/telemetry/history";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Up to 20 series over a range: raw or min/avg/max buckets (numbers), changes of value (states). */
export const series = tenantProcedure
  .use(requirePermission("device.read"))
  .input(telemetryHistoryInput)
  .output(telemetryHistoryOutput)
  .query(({ ctx, input }) => telemetryHistory(ctx.scope, input));
