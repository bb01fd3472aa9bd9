import { describe, expect, it } from "vitest";
import { compareStreamIds } from "./state-store";

describe("stream id order", () => {
  it("orders by time, then sequence, as numbers (not as text)", () => {
    const ids = ["0-0", "0-1", "9-0", "10-0", "10-2", "10-10", "1733560000000-0", "1733560000000-9", "1733560000001-0"];
    for (const [i, a] of ids.entries())
      for (const [j, b] of ids.entries()) expect([a, b, compareStreamIds(a, b)]).toEqual([a, b, Math.sign(i - j)]);
  });

  it("reads a missing sequence as 0", () => {
    expect(compareStreamIds("5", "5-0")).toBe(0);
    expect(compareStreamIds("5", "5-1")).toBe(-1);
    expect(compareStreamIds("6", "5-99")).toBe(1);
  });
});
