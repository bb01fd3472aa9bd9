import { describe, expect, it } from "vitest";
import { timeTicks } from "./time-ticks";

const minute = 60_000;

describe("timeTicks", () => {
  it("puts round quarter-hour ticks on a last-hour axis", () => {
    const to = Date.UTC(2026, 11, 1, 21, 58, 12);
    const ticks = timeTicks([to - 60 * minute, to]);
    expect(ticks.map((t) => new Date(t).toISOString().slice(11, 16))).toEqual(["21:00", "21:15", "21:30", "21:45"]);
  });

  it("keeps at most the requested number of ticks, all inside the domain", () => {
    const from = Date.UTC(2026, 0, 1, 3, 7);
    for (const span of [3 * minute, 47 * minute, 5 * 60 * minute, 26 * 60 * minute, 9 * 24 * 60 * minute]) {
      const ticks = timeTicks([from, from + span], 5);
      expect(ticks.length).toBeGreaterThan(0);
      expect(ticks.length).toBeLessThanOrEqual(6);
      for (const t of ticks) expect(t >= from && t <= from + span).toBe(true);
    }
  });

  it("returns no ticks for an empty or inverted domain", () => {
    expect(timeTicks([10, 10])).toEqual([]);
    expect(timeTicks([10, 5])).toEqual([]);
  });
});
