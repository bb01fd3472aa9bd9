import { describe, expect, it } from "vitest";
import { historyRows, zoomRange } from "./history-rows";

describe("historyRows", () => {
  it("keeps empty buckets as gaps, bands min–max and draws the partial bucket on its own dashed column", () => {
    const rows = historyRows([
      {
        key: "t",
        points: [
          { ts: 0, avg: 1, min: 0, max: 2 },
          { ts: 60, avg: null },
          { ts: 120, avg: 3, min: 3, max: 3 },
          { ts: 180, avg: 5, min: 4, max: 6, partial: true },
        ],
      },
    ]);
    expect(rows).toEqual([
      { ts: 0, t: 1, t__band: [0, 2] },
      { ts: 60, t: null },
      { ts: 120, t: 3, t__partial: 3 },
      { ts: 180, t: null, t__partial: 5, t__band: [4, 6] },
    ]);
  });

  it("orders a drag and ignores tiny ones", () => {
    expect(zoomRange(5000, 1000)).toEqual([1000, 5000]);
    expect(zoomRange(1000, 1500)).toBeNull();
    expect(zoomRange(undefined, 1500)).toBeNull();
  });
});
