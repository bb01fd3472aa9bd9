import { telemetryOverview, telemetryOverviewOutput } from "../../services/telemetry/overview";
import { requirePermission, tenantProcedure } from "../../trpc";

/** The tenant's live figures: devices online / total, messages per minute over the last 10 minutes. */
export const overview = tenantProcedure
  .use(requirePermission("device.read"))
  .output(telemetryOverviewOutput)
  .query(({ ctx }) => telemetryOverview(ctx.scope));
