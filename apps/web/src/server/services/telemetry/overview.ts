import { deviceCounts, telemetryPointsPerMinute } from "@aspen/db/device-data";
import { z } from "zod";
import { assertAllowed, inTenant, type Scope } from "../scope";

const minutes = 10;

export const telemetryOverviewOutput = z.object({
  devices: z.object({ total: z.number().int(), online: z.number().int(), enabled: z.number().int() }),
  /** Oldest first, the current minute last (`partial`: still filling); `minute` in ms since the epoch. */
  messagesPerMinute: z.array(z.object({ minute: z.number(), messages: z.number().int(), partial: z.boolean() })),
  /** Average per elapsed minute of the window (nine whole minutes and the part of the current one). */
  averagePerMinute: z.number(),
  source: z.literal("telemetry_rows"),
});

/**
 * The tenant's live figures: devices online / total, and messages per minute over the last 10
 * minutes (oldest first, the current minute last, marked `partial` since it is still filling, so a chart
 * does not draw it as a dip). Messages are counted from stored telemetry rows:
 * one per (device, timestamp), i.e. one telemetry entry whatever number of keys it carried, in the
 * minute of its timestamp. Attribute reports and events are not included.
 */
export async function telemetryOverview(scope: Scope): Promise<z.output<typeof telemetryOverviewOutput>> {
  assertAllowed(scope, "device.read");
  const { counts, perMinute } = await inTenant(scope, async (tx) => ({
    counts: await deviceCounts(tx, scope.tenant.id),
    perMinute: await telemetryPointsPerMinute(tx, scope.tenant.id, minutes),
  }));
  const total = perMinute.reduce((n, m) => n + m.points, 0);
  // The current minute has not finished: count only its elapsed part, so the average is not pulled down.
  const elapsedMinutes = minutes - 1 + Math.max(1, perMinute.at(-1)?.elapsedMs ?? 60_000) / 60_000;
  return {
    devices: counts,
    messagesPerMinute: perMinute.map((m) => ({ minute: m.minute, messages: m.points, partial: m.partial })),
    averagePerMinute: Math.round((total / elapsedMinutes) * 10) / 10,
    source: "telemetry_rows" as const,
  };
}
