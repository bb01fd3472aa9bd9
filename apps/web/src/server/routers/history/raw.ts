import { listTelemetryRaw, telemetryRawInput, telemetryRawOutput } from "../../services/telemetry/historyRaw";
import { requirePermission, tenantProcedure } from "../../trpc";

/** A page of one device key's stored values in a range, newest first. */
export const raw = tenantProcedure
  .use(requirePermission("device.read"))
  .input(telemetryRawInput)
  .output(telemetryRawOutput)
  .query(({ ctx, input }) => listTelemetryRaw(ctx.scope, input));
