import { describe, expect, it } from "vitest";
import { copyWindows, evaluatePoints, initialState, type Point } from "./evaluate";
import { alertRuleSpecSchema, type TelemetryTrigger } from "./rule-schema";
import { addDeviceNeeds, advanceWindows, emptyNeeds, mayHoldAt, type DeviceWindows } from "./shared-windows";

const change = (delta: number, windowSeconds: number, property = "t") => ({ kind: "change" as const, property, delta, windowSeconds });
const cmp = (property: string, op: string, value: number) => ({ kind: "compare", property, op, value });
const trigger = (conditions: unknown[], combine: "all" | "any" = "all") =>
  alertRuleSpecSchema.parse({ name: "r", severity: "info", trigger: { type: "telemetry", combine, conditions } })
    .trigger as TelemetryTrigger;
const pts = (...vs: [number, number][]): Point[] => vs.map(([ts, t]) => ({ ts, values: { t } }));
const fresh = (): DeviceWindows => ({ v: 1, lastEntry: "0-0", windows: {} });
const needsOf = (...ts: TelemetryTrigger[]) => {
  const n = emptyNeeds();
  for (const t of ts) addDeviceNeeds([t], n);
  return n;
};

describe("a device's shared rule state", () => {
  it("needs the longest window and every window length per property, and the latest of multi-property rules", () => {
    const needs = needsOf(trigger([change(5, 60)]), trigger([change(2, 10), change(9, 30, "h"), change(1, 60)]));
    expect(Object.fromEntries(needs.windows)).toEqual({ t: { seconds: 60, spans: [60, 10] }, h: { seconds: 30, spans: [30] } });
    expect([...needs.latest].sort()).toEqual(["h", "t"]);
    const single = needsOf(trigger([cmp("t", ">", 1)]));
    expect([single.windows.size, single.latest.size]).toEqual([0, 0]);
    // A rule reading one property is judged on the point (and its window); one reading two, trigger and clear
    // condition together, needs the device's latest values.
    expect(needsOf(trigger([change(1, 5)])).latest.size).toBe(0);
    expect(needsOf(trigger([change(1, 5), cmp("h", ">", 1)])).latest.size).toBe(2);
    const withClear = addDeviceNeeds([trigger([cmp("t", ">", 1)]), trigger([cmp("h", "<", 1)])], emptyNeeds());
    expect([...withClear.latest].sort()).toEqual(["h", "t"]);
  });

  it("gives each window length its extremes just before each point", () => {
    const state = fresh();
    const series = pts([0, 20], [1_000, 24], [2_000, 26], [3_000, 21], [20_000, 30]);
    const views = advanceWindows(state, needsOf(trigger([change(5, 10)]), trigger([change(5, 2)])), series);
    expect(views.map((v) => v.extremes.get("t")?.get(10))).toEqual([
      [undefined, undefined],
      [20, 20],
      [24, 20],
      [26, 20],
      [undefined, undefined],
    ]);
    expect(views[3]?.extremes.get("t")?.get(2)).toEqual([26, 24]);
    const t10 = trigger([change(5, 10)]);
    expect(series.map((p, i) => mayHoldAt(t10, p, views[i]))).toEqual([false, false, true, false, false]);
  });

  it("does not add a point older than the window's newest sample", () => {
    const state = fresh();
    const needs = needsOf(trigger([change(1, 60)]));
    advanceWindows(state, needs, pts([5_000, 10]));
    const views = advanceWindows(state, needs, pts([1_000, 50]));
    expect(views[0]?.extremes.size).toBe(0);
    expect(state.windows).toEqual({ t: { hi: [[5_000, 10]], lo: [[5_000, 10]] } });
  });

  it("judges a multi-property rule on the latest values: a point without a property uses the last one seen", () => {
    const rule = trigger([cmp("h", ">=", 90), cmp("t", "<", -30)], "all");
    const state = fresh();
    const series: Point[] = [
      { ts: 0, values: { t: -40, h: 50 } },
      { ts: 1_000, values: { h: 95 } },
      { ts: 2_000, values: { t: 10 } },
      { ts: 500, values: { h: 99, t: -99 } }, // older than what was applied: does not move the latest values
    ];
    const views = advanceWindows(state, needsOf(rule), series);
    expect(series.map((p, i) => mayHoldAt(rule, p, views[i]))).toEqual([false, true, false, true]);
    expect(state.latest).toEqual({ t: 10, h: 95 });
    // Without a view nothing is known: it may hold.
    expect(mayHoldAt(rule, { ts: 0, values: {} }, undefined)).toBe(true);
  });

  it("agrees with the full evaluation on the shared window: a point ruled out never raises", () => {
    // Several rules on one property with different windows and changes, over a walk with jumps.
    const rules = [trigger([change(3, 5)]), trigger([change(8, 30)]), trigger([change(1, 2), cmp("t", ">", 1000)], "any")];
    const needs = needsOf(...rules);
    let seed = 7;
    let value = 20;
    const series = Array.from({ length: 400 }, (_, i) => {
      seed = (seed * 48271) % 2147483647;
      value += ((seed % 100) - 50) / 250 + (i % 40 === 39 ? 12 * Math.sign((seed % 2) - 0.5) : 0);
      return [i * 700, value] as [number, number];
    });
    const shared = fresh();
    let raises = 0;
    let ruledOut = 0;
    for (let i = 0; i < series.length; i += 25) {
      const chunk = pts(...series.slice(i, i + 25));
      const before = copyWindows(shared.windows);
      const views = advanceWindows(shared, needs, chunk);
      for (const r of rules) {
        chunk.forEach((p, j) => {
          const state = { ...initialState(1), windows: copyWindows(before) };
          const raisedHere = evaluatePoints({ trigger: r }, state, chunk.slice(0, j + 1)).effects.some(
            (e) => e.kind === "raise" && e.ts === p.ts,
          );
          const may = mayHoldAt(r, p, views[j]);
          if (raisedHere) raises++;
          if (raisedHere) expect(may).toBe(true);
          if (!may) ruledOut++;
        });
      }
    }
    // The series exercises both sides: rules raise, and points are ruled out without evaluating them.
    expect(raises).toBeGreaterThan(10);
    expect(ruledOut).toBeGreaterThan(100);
  });
});
