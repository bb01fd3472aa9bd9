import { describe, expect, it } from "vitest";
import { chooseBucketSeconds, historySource, isTimeZone, rangeIssue, zoneOffsetMinutes, zoneWholeHours } from "./buckets";

const h = 3_600_000;
const d = 24 * h;

describe("chooseBucketSeconds", () => {
  it("never gives more than 1,000 buckets, and is the smallest nice width that does", () => {
    for (const [range, width] of [
      [15 * 60_000, 1],
      [h, 5],
      [6 * h, 30],
      [d, 120],
      [7 * d, 900],
      [30 * d, 3600],
      [90 * d, 10_800],
      [365 * d, 43_200],
      [730 * d, 86_400],
    ] as const) {
      expect(chooseBucketSeconds(range)).toBe(width);
      expect(range / 1000 / width).toBeLessThanOrEqual(1000);
    }
  });
});

describe("historySource", () => {
  it("reads raw up to a day, rollups beyond (1 h when hours align, else 1 min)", () => {
    expect(historySource(d, 120, true)).toBe("raw");
    expect(historySource(7 * d, 900, true)).toBe("rollup_1m");
    expect(historySource(30 * d, 3600, true)).toBe("rollup_1h");
    expect(historySource(30 * d, 3600, false)).toBe("rollup_1m");
  });
});

describe("time zones", () => {
  it("knows IANA zones and their offsets across DST", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(zoneOffsetMinutes("Europe/Berlin", Date.UTC(2026, 0, 15))).toBe(60);
    expect(zoneOffsetMinutes("Europe/Berlin", Date.UTC(2026, 6, 15))).toBe(120);
    expect(zoneOffsetMinutes("Asia/Kolkata", Date.UTC(2026, 6, 15))).toBe(330);
    expect(zoneWholeHours("Europe/Berlin", Date.UTC(2026, 0, 1), Date.UTC(2026, 6, 1))).toBe(true);
    expect(zoneWholeHours("Asia/Kolkata", Date.UTC(2026, 0, 1), Date.UTC(2026, 6, 1))).toBe(false);
  });

  it("keeps answering alike once formatters are cached, also past the cache's bound", () => {
    // Every casing Intl accepts is a cache entry: 2,000 of them overflow the bound of 1,000 at least once.
    const casings = Array.from({ length: 2000 }, (_, i) =>
      [..."europe/berlin"].map((c, j) => ((i >> j) & 1 ? c.toUpperCase() : c)).join(""),
    );
    for (const tz of casings) expect(isTimeZone(tz)).toBe(true);
    expect(casings.every((tz) => zoneOffsetMinutes(tz, Date.UTC(2026, 6, 15)) === 120)).toBe(true);
    // A zone that failed is not remembered as known, and a known one still answers after the clearing.
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(zoneOffsetMinutes("Asia/Kolkata", Date.UTC(2026, 0, 15))).toBe(330);
    expect(() => zoneOffsetMinutes("Mars/Olympus", 0)).toThrow(RangeError);
  });
});

describe("rangeIssue", () => {
  const now = Date.UTC(2026, 5, 1);
  it("refuses unbounded, inverted, far-future and beyond-retention ranges with a clear message", () => {
    expect(rangeIssue(NaN, now, now, 30)).toMatchObject({ reason: "invalid_range", path: "from" });
    expect(rangeIssue(now - h, Infinity, now, 30)).toMatchObject({ reason: "invalid_range", path: "to" });
    expect(rangeIssue(now, now - h, now, 30)).toMatchObject({
      reason: "invalid_range",
      message: "The end of the range must be after its start",
    });
    expect(rangeIssue(now, now, now, 30)?.reason).toBe("invalid_range");
    expect(rangeIssue(now - h, now + 2 * d, now, 30)?.reason).toBe("invalid_range");
    expect(rangeIssue(now - 31 * d, now, now, 30)).toMatchObject({
      reason: "beyond_retention",
      message: expect.stringContaining("kept for 30 days"),
    });
    expect(rangeIssue(now - 29 * d, now, now, 30)).toBeNull();
  });
});
