import { describe, expect, it } from "vitest";
import { stateSegments } from "./state-timeline";

describe("stateSegments", () => {
  it("holds each value until the next change, the last until the end, clipped to the range", () => {
    expect(
      stateSegments(
        [
          { ts: 0, value: true },
          { ts: 20, value: false },
          { ts: 50, value: "x" },
        ],
        10,
        60,
      ),
    ).toEqual([
      { from: 10, to: 20, value: true },
      { from: 20, to: 50, value: false },
      { from: 50, to: 60, value: "x" },
    ]);
    expect(stateSegments([{ ts: 100, value: 1 }], 0, 50)).toEqual([]);
  });
});
