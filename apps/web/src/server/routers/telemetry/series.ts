import { telemetrySeries, telemetrySeriesInput, telemetrySeriesOutput } from "../../services/telemetry/series";
import { requirePermission, tenantProcedure } from "../../trpc";

/** One key's values of a device over [from, to): buckets of avg/min/max/count, or raw values for short ranges. */
export const series = tenantProcedure
  .use(requirePermission("device.read"))
  .input(telemetrySeriesInput)
  .output(telemetrySeriesOutput)
  .query(({ ctx, input }) => telemetrySeries(ctx.scope, input));
