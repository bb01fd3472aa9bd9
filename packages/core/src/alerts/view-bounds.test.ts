import { describe, expect, it } from "vitest";
import type { Point } from "./evaluate";
import { alertRuleSpecSchema, type TelemetryTrigger } from "./rule-schema";
import { addDeviceNeeds, advanceWindows, advanceWindowsWithin, emptyNeeds, mayHoldAt, type PointView } from "./shared-windows";
import { boundsOf, emptyBounds, mayHoldWithin } from "./view-bounds";

const trigger = (conditions: unknown[], combine: "all" | "any" = "all") =>
  alertRuleSpecSchema.parse({ name: "r", severity: "info", trigger: { type: "telemetry", combine, conditions } })
    .trigger as TelemetryTrigger;
const cmp = (property: string, op: string, value: unknown) => ({ kind: "compare", property, op, value });
const range = (property: string, op: "between" | "outside", min: number, max: number) => ({ kind: "range", property, op, min, max });
const change = (property: string, delta: number, windowSeconds: number) => ({ kind: "change", property, delta, windowSeconds });
const own = (p: Point): PointView => ({ extremes: new Map(), values: p.values });
const points = (...values: Point["values"][]): Point[] => values.map((v, i) => ({ ts: i * 1000, values: v }));
const may = (t: TelemetryTrigger, ps: Point[]) => mayHoldWithin(t, boundsOf(ps, own));

describe("bounds of a device's points in one read", () => {
  const ps = points({ t: 20, s: "on" }, { t: 25 }, { t: 22, s: "off" });

  it("rule out each operator outside the range of values seen, and keep it inside", () => {
    const table: [unknown, boolean][] = [
      [cmp("t", ">", 25), false],
      [cmp("t", ">", 24.9), true],
      [cmp("t", ">=", 25), true],
      [cmp("t", "<", 20), false],
      [cmp("t", "<=", 20), true],
      [cmp("t", "==", 19), false],
      [cmp("t", "==", 21), true], // within the range: may hold (not seen, but the bounds cannot tell)
      [cmp("t", "!=", 20), true],
      [cmp("s", "==", "on"), true],
      [cmp("s", "==", "standby"), false],
      [cmp("s", "!=", "on"), true],
      [cmp("s", ">", 1), false],
      [cmp("missing", "==", 1), false],
      [range("t", "between", 26, 30), false],
      [range("t", "between", 25, 30), true],
      [range("t", "outside", 20, 25), false],
      [range("t", "outside", 21, 25), true],
    ];
    for (const [c, expected] of table) expect([c, may(trigger([c]), ps)]).toEqual([c, expected]);
    expect(may(trigger([cmp("s", "!=", "on")]), points({ s: "on" }, { s: "on" }))).toBe(false);
    expect(may(trigger([cmp("t", "!=", 3)]), points({ t: 3 }, { t: 3 }))).toBe(false);
    expect(may(trigger([cmp("t", "!=", 3)]), points({ t: 3 }, { t: "x" }))).toBe(true);
  });

  it("combines conditions with all / any", () => {
    expect(may(trigger([cmp("t", ">", 24), cmp("s", "==", "on")]), ps)).toBe(true);
    expect(may(trigger([cmp("t", ">", 24), cmp("s", "==", "x")]), ps)).toBe(false);
    expect(may(trigger([cmp("t", ">", 99), cmp("s", "==", "x")], "any"), ps)).toBe(false);
    expect(may(trigger([cmp("t", ">", 99), cmp("s", "==", "off")], "any"), ps)).toBe(true);
  });

  it("lets every rule through when a point has no view", () => {
    expect(
      mayHoldWithin(
        trigger([cmp("t", ">", 1e9)]),
        boundsOf(ps, () => undefined),
      ),
    ).toBe(true);
  });

  it("never rules out a trigger that may hold at one of the points (random walks, every kind of condition)", () => {
    let seed = 11;
    const rnd = (n: number) => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    const ops = [">", ">=", "<", "<=", "==", "!="];
    const make = (): unknown => {
      const k = rnd(4);
      if (k === 0) return cmp(rnd(2) ? "t" : "h", ops[rnd(ops.length)] ?? ">", rnd(40));
      if (k === 1) return cmp("s", rnd(2) ? "==" : "!=", ["on", "off", "idle"][rnd(3)]);
      if (k === 2) {
        const min = rnd(40);
        return range(rnd(2) ? "t" : "h", rnd(2) ? "between" : "outside", min, min + rnd(10));
      }
      return change("t", 1 + rnd(8), 1 + rnd(20));
    };
    const rules = Array.from({ length: 60 }, () => trigger([make(), make()], rnd(2) ? "all" : "any"));
    const needs = emptyNeeds();
    for (const r of rules) addDeviceNeeds([r], needs);
    const state = { v: 1 as const, lastEntry: "0-0", windows: {}, latest: {} };
    // The same points through advanceWindowsWithin: no views, the same bounds.
    const direct = { v: 1 as const, lastEntry: "0-0", windows: {}, latest: {} };
    let ruledOut = 0;
    let allowed = 0;
    for (let read = 0; read < 40; read++) {
      const chunk: Point[] = Array.from({ length: 1 + rnd(8) }, (_, i) => ({
        ts: read * 10_000 + i * 900,
        values: {
          t: 10 + rnd(25),
          ...(rnd(3) ? { h: rnd(40) } : {}),
          ...(rnd(2) ? { s: ["on", "off", "idle"][rnd(3)] ?? "on" } : {}),
        },
      }));
      const views = advanceWindows(state, needs, chunk);
      const viewOf = new Map(chunk.map((p, i) => [p, views[i]]));
      const bounds = boundsOf(chunk, (p) => viewOf.get(p));
      const within = emptyBounds();
      advanceWindowsWithin(direct, needs, chunk, within);
      expect(within).toEqual(bounds);
      for (const r of rules) {
        const somewhere = chunk.some((p) => mayHoldAt(r, p, viewOf.get(p)));
        const holdsWithin = mayHoldWithin(r, bounds);
        if (somewhere) expect(holdsWithin).toBe(true);
        if (holdsWithin) allowed++;
        else ruledOut++;
      }
    }
    // Both sides are exercised.
    expect(ruledOut).toBeGreaterThan(200);
    expect(allowed).toBeGreaterThan(200);
  });
});
