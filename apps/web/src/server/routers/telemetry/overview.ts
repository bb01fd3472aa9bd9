import { deviceCounts, telemetryPointsPerMinute } from "@aspen/db/device-data";
import { requirePermission, tenantProcedure } from "../../trpc";

const minutes = 10;

/**
 * The tenant's live figures: devices online / total, and messages per minute over the last 10
 * minutes (oldest first, the current minute last, marked `partial` since it is still filling). Messages
 * are counted from stored telemetry rows:
 * one per (device, timestamp), i.e. one telemetry entry whatever number of keys it carried, in the
 * minute of its timestamp. Attribute reports and events are not included.
 */
export const overview = tenantProcedure.use(requirePermission("device.read")).query(async ({ ctx }) => {
  const { counts, perMinute } = await ctx.withTenant(async (tx) => ({
    counts: await deviceCounts(tx, ctx.tenant.id),
    perMinute: await telemetryPointsPerMinute(tx, ctx.tenant.id, minutes),
  }));
  const total = perMinute.reduce((n, m) => n + m.points, 0);
  // Minutes elapsed in the window: nine whole ones and the part of the current one, so the average is
  // not pulled down by a minute that has not finished.
  const elapsedMinutes = minutes - 1 + Math.max(1, perMinute.at(-1)?.elapsedMs ?? 60_000) / 60_000;
  return {
    devices: counts,
    messagesPerMinute: perMinute.map((m) => ({ minute: m.minute, messages: m.points, partial: m.partial })),
    /** Average per elapsed minute of the window. */
    averagePerMinute: Math.round((total / elapsedMinutes) * 10) / 10,
    source: "telemetry_rows" as const,
  };
});
