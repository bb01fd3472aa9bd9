import { latestTelemetry, latestTelemetryInput, latestTelemetryOutput } from "../../services/telemetry/latest";
import { requirePermission, tenantProcedure } from "../../trpc";

/** A device's latest value per key, declared properties first, with online state and last seen. */
export const latest = tenantProcedure
  .use(requirePermission("device.read"))
  .input(latestTelemetryInput)
  .output(latestTelemetryOutput)
  .query(({ ctx, input }) => latestTelemetry(ctx.scope, input));
