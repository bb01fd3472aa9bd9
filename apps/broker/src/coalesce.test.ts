import { describe, expect, it } from "vitest";
import { coalesce } from "./coalesce";

describe("coalesce", () => {
  it("answers the calls of one event-loop turn with one call, each with its own result", async () => {
    const runs: number[][] = [];
    const double = coalesce(
      async (xs: number[]) => {
        runs.push(xs);
        return xs.map((x) => x * 2);
      },
      { max: 3, inflight: 2 },
    );
    const first = await Promise.all([1, 2, 3, 4].map(double));
    expect(first).toEqual([2, 4, 6, 8]);
    expect(runs).toEqual([[1, 2, 3], [4]]);
    expect(await double(5)).toBe(10);
    expect(runs).toHaveLength(3);
  });

  it("while a run is under way, gathers the next calls for one run after it", async () => {
    const runs: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const f = coalesce(async (xs: number[]) => {
      runs.push(xs);
      if (runs.length === 1) await gate;
      return xs;
    });
    const first = f(1);
    await new Promise((r) => setImmediate(r));
    const later = [f(2), f(3)];
    await new Promise((r) => setTimeout(r, 5));
    expect(runs).toEqual([[1]]);
    release();
    expect(await Promise.all([first, ...later])).toEqual([1, 2, 3]);
    expect(runs).toEqual([[1], [2, 3]]);
  });

  it("rejects every call of a failed run, and runs again afterwards", async () => {
    let fail = true;
    const f = coalesce(async (xs: string[]) => {
      if (fail) throw new Error("database away");
      return xs;
    });
    const results = await Promise.allSettled([f("a"), f("b")]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    fail = false;
    expect(await f("c")).toBe("c");
  });
});
