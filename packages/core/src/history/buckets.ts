/** Most points a history chart draws per series. */
export const maxChartPoints = 1000;
/** Ranges up to this long are returned raw when they hold at most `maxChartPoints` values. */
export const rawRangeMs = 60 * 60_000;
/** Ranges longer than this read the rollups (1 min / 1 h), not raw telemetry. */
export const rollupRangeMs = 86_400_000;
/** Most series (device × key) one history request may ask for. */
export const maxSeries = 20;

const day = 86_400;
/** Bucket widths in seconds; a day is a calendar day in the viewer's time zone (23 or 25 h across DST). */
export const bucketWidths = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, day] as const;

/** The smallest width giving at most `maxChartPoints` buckets over the range (a day at most). */
export function chooseBucketSeconds(rangeMs: number, maxPoints = maxChartPoints): number {
  const wanted = rangeMs / 1000 / maxPoints;
  return bucketWidths.find((b) => b >= wanted) ?? day;
}

export type HistorySource = "raw" | "rollup_1m" | "rollup_1h";

/**
 * Where the buckets are computed from: raw telemetry up to a day; beyond, the 1 h rollup when the bucket
 * is whole hours and the zone's offset is whole hours over the range (so hours align), else the 1 min
 * rollup (every width beyond a day's range is whole minutes).
 */
export function historySource(rangeMs: number, bucketSeconds: number, zoneWholeHours: boolean): HistorySource {
  if (rangeMs <= rollupRangeMs || bucketSeconds < 60 || bucketSeconds % 60 !== 0) return "raw";
  return bucketSeconds % 3600 === 0 && zoneWholeHours ? "rollup_1h" : "rollup_1m";
}

/**
 * One formatter per zone: making one costs ~50 µs, ten times formatting with it, and a history request needs
 * three. Zones come from requests and Intl takes any casing of a name, so the cache is bounded: full, it starts over.
 */
const zoneFormatters = new Map<string, Intl.DateTimeFormat>();
const maxZoneFormatters = 1000;

/** The zone's formatter of year…second (24-hour clock); throws RangeError for a zone this runtime does not know. */
function zoneFormatter(tz: string): Intl.DateTimeFormat {
  let f = zoneFormatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    if (zoneFormatters.size >= maxZoneFormatters) zoneFormatters.clear();
    zoneFormatters.set(tz, f);
  }
  return f;
}

/** True when `tz` is an IANA zone this runtime knows ("UTC", "Europe/Berlin", …). */
export function isTimeZone(tz: string): boolean {
  try {
    zoneFormatter(tz);
    return true;
  } catch {
    return false;
  }
}

/** The zone's UTC offset in minutes at an instant. */
export function zoneOffsetMinutes(tz: string, at: number): number {
  const parts = zoneFormatter(tz).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return Math.round((local - Math.floor(at / 1000) * 1000) / 60_000);
}

/** Whether the zone's offset is whole hours at both ends of a range (true for UTC, Berlin, New York; not for India). */
export function zoneWholeHours(tz: string, from: number, to: number): boolean {
  return zoneOffsetMinutes(tz, from) % 60 === 0 && zoneOffsetMinutes(tz, to) % 60 === 0;
}

export type RangeIssue =
  { reason: "invalid_range"; message: string; path: "from" | "to" } | { reason: "beyond_retention"; message: string; path: "from" };

/**
 * Why a range cannot be asked for, or null: it must be bounded (both ends), start before it ends, not
 * end more than a day ahead, and start within the tenant's retention (older data is deleted).
 */
export function rangeIssue(from: number, to: number, now: number, retentionDays: number): RangeIssue | null {
  if (!Number.isFinite(from) || !Number.isFinite(to)) {
    return { reason: "invalid_range", path: Number.isFinite(from) ? "to" : "from", message: "The range needs both a start and an end" };
  }
  if (to <= from) return { reason: "invalid_range", path: "to", message: "The end of the range must be after its start" };
  if (to > now + 86_400_000) return { reason: "invalid_range", path: "to", message: "The range can end at most a day from now" };
  const oldest = now - retentionDays * 86_400_000;
  if (from < oldest) {
    return {
      reason: "beyond_retention",
      path: "from",
      message: `Data is kept for ${retentionDays} days: choose a start after ${new Date(oldest).toISOString()}`,
    };
  }
  return null;
}
