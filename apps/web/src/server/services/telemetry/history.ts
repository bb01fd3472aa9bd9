import { chooseBucketSeconds, historySource, maxChartPoints, rawRangeMs, rollupRangeMs, zoneWholeHours } from "@aspen/core";
import { historyBucketsMany, historyRawPoints, rollupWatermark } from "@aspen/db/history";
import { z } from "zod";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { assertRange, rangeShape, resolveSeries, seriesListSchema, timeZoneSchema } from "./history-scope";

export const telemetryHistoryInput = z.object({ series: seriesListSchema, ...rangeShape, timeZone: timeZoneSchema });

const bucketSchema = z.object({
  ts: z.number(),
  avg: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  count: z.number(),
  partial: z.boolean(),
});
const stateSchema = z.object({ ts: z.number(), value: z.union([z.number(), z.boolean(), z.string()]).nullable() });

export const telemetryHistoryOutput = z.object({
  from: z.number(),
  to: z.number(),
  timeZone: z.string(),
  /** null: raw values (each point one stored value). */
  bucketSeconds: z.number().nullable(),
  source: z.enum(["raw", "rollup_1m", "rollup_1h"]),
  series: z.array(
    z.object({
      deviceId: z.string(),
      deviceName: z.string(),
      key: z.string(),
      name: z.string(),
      type: z.string(),
      unit: z.string().nullable(),
      decimals: z.number(),
      enumValues: z.array(z.string()).nullable(),
      /** numeric: `points` (buckets or raw values); states: `states` (each change of value, for a timeline). */
      kind: z.enum(["numeric", "states"]),
      points: z.array(bucketSchema),
      states: z.array(stateSchema),
      /** More values than a chart draws: the states were cut (narrow the range). */
      truncated: z.boolean(),
    }),
  ),
});
export type TelemetryHistory = z.output<typeof telemetryHistoryOutput>;

/** Most raw values read for one state timeline (only changes are returned). */
const maxStateValues = 20_000;

/** Consecutive equal values collapsed: a timeline draws each change. */
function changes(points: readonly { ts: number; value: number | boolean | string | null }[]) {
  const out: { ts: number; value: number | boolean | string | null }[] = [];
  for (const p of points) if (out.length === 0 || out.at(-1)!.value !== p.value) out.push(p);
  return out;
}

/**
 * History of up to 20 (device, key) series over [from, to) in `timeZone`: numeric properties as raw
 * values when the range is at most an hour and holds ≤ 1,000 of them, else as min/avg/max buckets sized
 * so a chart draws at most ~1,000 (from raw rows up to a day, from the rollups beyond); booleans, enums
 * and strings as their changes of value (a state timeline). Ranges outside the retention, inverted or
 * unbounded ranges and unknown keys are refused.
 */
export async function telemetryHistory(scope: Scope, input: z.output<typeof telemetryHistoryInput>): Promise<TelemetryHistory> {
  assertAllowed(scope, "device.read");
  const tenantId = scope.tenant.id;
  return inTenant(scope, async (tx) => {
    const rangeMs = input.to.getTime() - input.from.getTime();
    // The lookups are independent: asked for at once, they share a round trip. Once all have settled, a refused
    // range wins over an unknown device or key, as when they ran one after the other.
    const checked = assertRange(tx, tenantId, input.from, input.to);
    const found = resolveSeries(tx, tenantId, input.series);
    // Only ranges beyond a day read the rollups (see `historySource`), so only they need the watermark.
    const rolled = rangeMs > rollupRangeMs ? rollupWatermark(tx) : Promise.resolve(null);
    await Promise.allSettled([checked, found, rolled]);
    await checked;
    const resolved = await found;
    const watermark = await rolled;
    const numeric = resolved.filter((s) => s.property.type === "int" || s.property.type === "float");
    // Raw for short ranges, unless one of the numeric series holds more values than a chart draws.
    let raw = rangeMs <= rawRangeMs;
    const rawPoints = new Map<string, Awaited<ReturnType<typeof historyRawPoints>>>();
    if (raw) {
      for (const s of numeric) {
        const pts = await historyRawPoints(tx, tenantId, {
          deviceId: s.deviceUuid,
          key: s.key,
          from: input.from,
          to: input.to,
          limit: maxChartPoints + 1,
        });
        if (pts.length > maxChartPoints) raw = false;
        rawPoints.set(`${s.deviceUuid}/${s.key}`, pts);
      }
    }
    const bucketSeconds = raw ? null : chooseBucketSeconds(rangeMs);
    const source =
      bucketSeconds === null
        ? "raw"
        : historySource(rangeMs, bucketSeconds, zoneWholeHours(input.timeZone, input.from.getTime(), input.to.getTime()));
    const rolledUpTo = source === "raw" ? null : watermark;
    // Every numeric series' buckets in one statement (one index range scan per series).
    const bucketed =
      bucketSeconds === null
        ? []
        : await historyBucketsMany(tx, tenantId, {
            series: numeric.map((s) => ({ deviceId: s.deviceUuid, key: s.key })),
            from: input.from,
            to: input.to,
            bucketSeconds,
            timeZone: input.timeZone,
            source,
            rolledUpTo,
          });
    const series: TelemetryHistory["series"] = [];
    for (const s of resolved) {
      const base = {
        deviceId: s.deviceId,
        deviceName: s.deviceName,
        key: s.key,
        name: s.property.name,
        type: s.property.type,
        unit: s.property.unit ?? null,
        decimals: s.decimals,
        enumValues: s.property.enumValues ?? null,
      };
      if (s.property.type === "int" || s.property.type === "float") {
        const points =
          bucketSeconds === null
            ? (rawPoints.get(`${s.deviceUuid}/${s.key}`) ?? [])
                .filter((p): p is { ts: number; value: number } => typeof p.value === "number")
                .map((p) => ({ ts: p.ts, avg: p.value, min: p.value, max: p.value, count: 1, partial: false }))
            : (bucketed[numeric.indexOf(s)] ?? []);
        series.push({ ...base, kind: "numeric", points, states: [], truncated: false });
      } else {
        const values = await historyRawPoints(tx, tenantId, {
          deviceId: s.deviceUuid,
          key: s.key,
          from: input.from,
          to: input.to,
          limit: maxStateValues + 1,
        });
        const states = changes(values.slice(0, maxStateValues));
        series.push({
          ...base,
          kind: "states",
          points: [],
          states: states.slice(0, maxChartPoints),
          truncated: values.length > maxStateValues || states.length > maxChartPoints,
        });
      }
    }
    return { from: input.from.getTime(), to: input.to.getTime(), timeZone: input.timeZone, bucketSeconds, source, series };
  });
}
