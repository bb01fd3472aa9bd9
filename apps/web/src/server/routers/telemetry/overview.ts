import { deviceCounts, telemetryPointsPerMinute } from "@aspen/db/device-data";
import { requirePermission, tenantProcedure } from "../../trpc";

const minutes = 10;

/**
 * The tenant's live figures: devices online / total, and messages per minute over the last 10
 * minutes (oldest first, the current minute last). Messages are counted from stored telemetry rows:
 * one per (device, timestamp), i.e. one telemetry entry whatever number of keys it carried, in the
 * minute of its timestamp. Attribute reports and events are not included.
 */
export const overview = tenantProcedure.use(requirePermission("device.read")).query(async ({ ctx }) => {
  const { counts, perMinute } = await ctx.withTenant(async (tx) => ({
    counts: await deviceCounts(tx, ctx.tenant.id),
    perMinute: await telemetryPointsPerMinute(tx, ctx.tenant.id, minutes),
  }));
  const total = perMinute.reduce((n, m) => n + m.points, 0);
  return {
    devices: counts,
    messagesPerMinute: perMinute.map((m) => ({ minute: m.minute, messages: m.points })),
    /** Average over the 10 minutes. */
    averagePerMinute: Math.round((total / minutes) * 10) / 10,
    source: "telemetry_rows" as const,
  };
});
