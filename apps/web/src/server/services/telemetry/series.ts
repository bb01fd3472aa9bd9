import { telemetrySeries as querySeries } from "@aspen/db/device-data";
import { z } from "zod";
import { appError } from "../../errors";
import { deviceInput, withDevice } from "../device/require";
import { assertAllowed, type Scope } from "../scope";

/** Ranges up to this long are returned raw (one point per stored value). */
export const rawRangeMs = 15 * 60_000;
/** Aim of the automatic bucket width: about this many points per series. */
const targetPoints = 600;
const maxRawPoints = 2000;
const maxBuckets = 5000;
const niceBuckets = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

/** The bucket width for a range: null (raw) for short ranges, else the smallest "nice" width giving ≤ ~600 points. */
export function autoBucketSeconds(rangeMs: number): number | null {
  if (rangeMs <= rawRangeMs) return null;
  const wanted = rangeMs / 1000 / targetPoints;
  return niceBuckets.find((b) => b >= wanted) ?? 86400;
}

export const telemetrySeriesInput = z.object({
  ...deviceInput,
  key: z.string().min(1).max(128),
  from: z.coerce.date(),
  to: z.coerce.date(),
  bucketSeconds: z.int().min(1).max(86_400).optional(),
});
export const telemetrySeriesOutput = z.object({
  key: z.string(),
  /** ms since the epoch. */
  from: z.number(),
  to: z.number(),
  /** null: raw values. */
  bucketSeconds: z.number().int().nullable(),
  points: z.array(z.object({ ts: z.number(), avg: z.number(), min: z.number(), max: z.number(), count: z.number().int() })),
});

/**
 * One key's values of a device over [from, to): `{ ts, avg, min, max, count }` per `date_bin` bucket
 * (ts = bucket start, ms), or raw values when the range is at most 15 minutes and no bucket is asked
 * for. Numbers chart as they are, booleans as 0/1, strings are left out.
 */
export async function telemetrySeries(
  scope: Scope,
  input: z.output<typeof telemetrySeriesInput>,
): Promise<z.output<typeof telemetrySeriesOutput>> {
  assertAllowed(scope, "device.read");
  const rangeMs = input.to.getTime() - input.from.getTime();
  if (!(rangeMs > 0))
    throw appError("BAD_REQUEST", "invalid_range", "`to` must be after `from`", [{ path: "to", message: "Must be after from" }]);
  if (rangeMs > 400 * 86_400_000) {
    throw appError("BAD_REQUEST", "invalid_range", "The range can be at most 400 days", [
      { path: "from", message: "At most 400 days before to" },
    ]);
  }
  const bucketSeconds = input.bucketSeconds ?? autoBucketSeconds(rangeMs);
  if (bucketSeconds !== null && rangeMs / 1000 / bucketSeconds > maxBuckets) {
    throw appError(
      "BAD_REQUEST",
      "too_many_buckets",
      `That gives more than ${maxBuckets} buckets: choose a wider bucket or a shorter range`,
      [{ path: "bucketSeconds", message: `At least ${Math.ceil(rangeMs / 1000 / maxBuckets)} for this range` }],
    );
  }
  const points = await withDevice(scope, input.deviceId, (tx) =>
    querySeries(tx, scope.tenant.id, {
      deviceId: input.deviceId,
      key: input.key,
      from: input.from,
      to: input.to,
      bucketSeconds,
      limit: bucketSeconds === null ? maxRawPoints : maxBuckets,
    }),
  );
  return { key: input.key, from: input.from.getTime(), to: input.to.getTime(), bucketSeconds, points };
}
