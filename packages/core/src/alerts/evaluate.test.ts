import { describe, expect, it } from "vitest";
import {
  conditionHolds,
  eventMatches,
  evaluatePoints,
  initialState,
  offlineDue,
  stateFor,
  targetsDevice,
  windowOf,
  type PairState,
  type Point,
  type Sample,
} from "./evaluate";
import { telemetryTriggerSchema, type Condition } from "./rule-schema";

const st = (latest: PairState["latest"], windows: PairState["windows"] = {}) => ({ latest, windows });

describe("conditionHolds: every operator", () => {
  const table: [Condition, PairState["latest"], boolean][] = [
    [{ kind: "compare", property: "t", op: ">", value: 30 }, { t: 31 }, true],
    [{ kind: "compare", property: "t", op: ">", value: 30 }, { t: 30 }, false],
    [{ kind: "compare", property: "t", op: ">=", value: 30 }, { t: 30 }, true],
    [{ kind: "compare", property: "t", op: ">=", value: 30 }, { t: 29.9 }, false],
    [{ kind: "compare", property: "t", op: "<", value: 0 }, { t: -1 }, true],
    [{ kind: "compare", property: "t", op: "<", value: 0 }, { t: 0 }, false],
    [{ kind: "compare", property: "t", op: "<=", value: 0 }, { t: 0 }, true],
    [{ kind: "compare", property: "t", op: "<=", value: 0 }, { t: 0.1 }, false],
    [{ kind: "compare", property: "t", op: "==", value: 5 }, { t: 5 }, true],
    [{ kind: "compare", property: "t", op: "==", value: 5 }, { t: 5.01 }, false],
    [{ kind: "compare", property: "s", op: "==", value: "on" }, { s: "on" }, true],
    [{ kind: "compare", property: "s", op: "==", value: "on" }, { s: "off" }, false],
    [{ kind: "compare", property: "b", op: "==", value: true }, { b: true }, true],
    [{ kind: "compare", property: "b", op: "!=", value: true }, { b: true }, false],
    [{ kind: "compare", property: "b", op: "!=", value: true }, { b: false }, true],
    [{ kind: "compare", property: "s", op: ">", value: 1 }, { s: "2" }, false],
    [{ kind: "compare", property: "t", op: ">", value: 30 }, {}, false],
    [{ kind: "compare", property: "t", op: "!=", value: 30 }, {}, false],
    [{ kind: "range", property: "t", op: "between", min: 10, max: 20 }, { t: 10 }, true],
    [{ kind: "range", property: "t", op: "between", min: 10, max: 20 }, { t: 20 }, true],
    [{ kind: "range", property: "t", op: "between", min: 10, max: 20 }, { t: 20.5 }, false],
    [{ kind: "range", property: "t", op: "between", min: 10, max: 20 }, { t: 9 }, false],
    [{ kind: "range", property: "t", op: "outside", min: 10, max: 20 }, { t: 9 }, true],
    [{ kind: "range", property: "t", op: "outside", min: 10, max: 20 }, { t: 21 }, true],
    [{ kind: "range", property: "t", op: "outside", min: 10, max: 20 }, { t: 10 }, false],
    [{ kind: "range", property: "t", op: "outside", min: 10, max: 20 }, { t: 15 }, false],
    [{ kind: "range", property: "t", op: "between", min: 10, max: 20 }, { t: "15" }, false],
  ];
  it.each(table)("%j with %j → %s", (c, latest, want) => {
    expect(conditionHolds(c, st(latest), 1000)).toBe(want);
  });

  const change: Condition = { kind: "change", property: "t", delta: 5, windowSeconds: 60 };
  const changeTable: [number, Sample[], boolean, string][] = [
    [20, [[0, 14]], true, "rose by 6 within the window"],
    [20, [[0, 26]], true, "fell by 6 within the window"],
    [20, [[0, 15]], false, "exactly the delta is not more than it"],
    [
      20,
      [
        [0, 19],
        [10_000, 21],
      ],
      false,
      "small changes only",
    ],
    [20, [[-70_000, 0]], false, "a big change outside the window does not count"],
    [20, [], false, "no history"],
  ];
  it.each(changeTable)("change: now %d, window %j → %s (%s)", (now, samples, want) => {
    expect(conditionHolds(change, st({ t: now }, { t: windowOf(samples) }), 50_000)).toBe(want);
  });
});

const trigger = (over: object) =>
  telemetryTriggerSchema.parse({ type: "telemetry", conditions: [{ kind: "compare", property: "t", op: ">", value: 30 }], ...over });
const pts = (...xs: [number, Record<string, number | string | boolean>][]): Point[] => xs.map(([ts, values]) => ({ ts, values }));
const kinds = (r: { effects: { kind: string; ts: number }[] }) => r.effects.map((e) => `${e.kind}@${e.ts}`);

describe("evaluatePoints: durations", () => {
  const table: [string, number, Point[], string[]][] = [
    ["no duration raises on the first crossing", 0, pts([0, { t: 31 }]), ["raise@0"]],
    ["below threshold never raises", 0, pts([0, { t: 30 }], [1000, { t: 29 }]), []],
    ["duration not yet reached", 5, pts([0, { t: 31 }], [4000, { t: 35 }]), []],
    ["duration reached exactly", 5, pts([0, { t: 31 }], [5000, { t: 35 }]), ["raise@5000"]],
    [
      "a dip restarts the timer",
      5,
      pts([0, { t: 31 }], [3000, { t: 20 }], [6000, { t: 31 }], [10_000, { t: 31 }], [11_000, { t: 31 }]),
      ["raise@11000"],
    ],
    [
      "repeats while active",
      0,
      pts([0, { t: 31 }], [1000, { t: 32 }], [2000, { t: 20 }], [3000, { t: 33 }]),
      ["raise@0", "repeat@1000", "repeat@3000"],
    ],
    ["out-of-order points are ignored", 5, pts([0, { t: 31 }], [6000, { t: 31 }], [1000, { t: 10 }]), ["raise@6000"]],
    ["points without the property do nothing", 5, pts([0, { t: 31 }], [3000, { h: 50 }], [5000, { h: 50 }]), []],
    ["the last known value carries over", 0, pts([0, { h: 1 }], [1000, { t: 40 }]), ["raise@1000"]],
  ];
  it.each(table)("%s", (_n, forSeconds, points, want) => {
    expect(kinds(evaluatePoints({ trigger: trigger({ forSeconds }) }, initialState(1), points))).toEqual(want);
  });
});

describe("evaluatePoints: AND / OR", () => {
  const conditions = [
    { kind: "compare", property: "t", op: ">", value: 30 },
    { kind: "compare", property: "h", op: "<", value: 20 },
  ];
  const table: [string, "all" | "any", Point[], string[]][] = [
    ["all: one of two is not enough", "all", pts([0, { t: 31, h: 50 }]), []],
    ["all: both hold", "all", pts([0, { t: 31, h: 10 }]), ["raise@0"]],
    ["all: both hold across messages", "all", pts([0, { t: 31 }], [1, { h: 10 }]), ["raise@1"]],
    ["any: one is enough", "any", pts([0, { t: 20, h: 10 }]), ["raise@0"]],
    ["any: none holds", "any", pts([0, { t: 20, h: 50 }]), []],
  ];
  it.each(table)("%s", (_n, combine, points, want) => {
    expect(kinds(evaluatePoints({ trigger: trigger({ combine, conditions }) }, initialState(1), points))).toEqual(want);
  });
});

describe("evaluatePoints: windows", () => {
  const t = trigger({ conditions: [{ kind: "change", property: "t", delta: 5, windowSeconds: 10 }] });
  const table: [string, Point[], string[]][] = [
    ["a jump within the window raises", pts([0, { t: 20 }], [5000, { t: 26 }]), ["raise@5000"]],
    ["the same jump after the window does not", pts([0, { t: 20 }], [11_000, { t: 26 }]), []],
    ["a slow drift does not", pts([0, { t: 20 }], [4000, { t: 23 }], [8000, { t: 25 }], [16_000, { t: 28 }]), []],
    ["the window slides", pts([0, { t: 10 }], [9000, { t: 14 }], [12_000, { t: 16 }], [15_000, { t: 19.5 }]), ["raise@15000"]],
  ];
  it.each(table)("%s", (_n, points, want) => {
    expect(kinds(evaluatePoints({ trigger: t }, initialState(1), points))).toEqual(want);
  });

  it("keeps only the samples that can be extremes, at most maxWindowSamples", () => {
    const flat = evaluatePoints(
      { trigger: t },
      initialState(1),
      Array.from({ length: 400 }, (_, i) => ({ ts: i, values: { t: 20 } })),
    );
    expect([flat.state.windows.t!.hi.length, flat.state.windows.t!.lo.length]).toEqual([1, 1]);
    const rising = evaluatePoints(
      { trigger: t },
      initialState(1),
      Array.from({ length: 400 }, (_, i) => ({ ts: i, values: { t: i / 1000 } })),
    );
    expect([rising.state.windows.t!.hi.length, rising.state.windows.t!.lo.length]).toEqual([1, 256]);
  });

  it("finds the extreme of a shorter window inside a longer one", () => {
    const w = windowOf([
      [0, 100],
      [5000, 50],
      [9000, 10],
    ]);
    const c = (windowSeconds: number) =>
      conditionHolds({ kind: "change", property: "t", delta: 30, windowSeconds }, { latest: { t: 12 }, windows: { t: w } }, 10_000);
    expect([c(11), c(6), c(2)]).toEqual([true, true, false]);
  });
});

describe("evaluatePoints: clear conditions", () => {
  const clear = trigger({ conditions: [{ kind: "compare", property: "t", op: "<", value: 25 }] });
  const table: [string, number, Point[], string[]][] = [
    ["clears at once", 0, pts([0, { t: 31 }], [1000, { t: 20 }]), ["raise@0", "clear@1000"]],
    ["between thresholds it stays active, silently", 0, pts([0, { t: 31 }], [1000, { t: 28 }]), ["raise@0"]],
    [
      "clear needs its duration",
      5,
      pts([0, { t: 31 }], [1000, { t: 20 }], [4000, { t: 20 }], [6000, { t: 20 }]),
      ["raise@0", "clear@6000"],
    ],
    [
      "a relapse resets the clear timer",
      5,
      pts([0, { t: 31 }], [1000, { t: 20 }], [3000, { t: 31 }], [7000, { t: 20 }], [11_000, { t: 20 }], [12_000, { t: 20 }]),
      ["raise@0", "repeat@3000", "clear@12000"],
    ],
    ["raises again after clearing", 0, pts([0, { t: 31 }], [1000, { t: 20 }], [2000, { t: 40 }]), ["raise@0", "clear@1000", "raise@2000"]],
  ];
  it.each(table)("%s", (_n, forSeconds, points, want) => {
    const rule = { trigger: trigger({}), clear: { ...clear, forSeconds } };
    expect(kinds(evaluatePoints(rule, initialState(1), points))).toEqual(want);
  });

  it("without a clear condition an alarm stays active", () => {
    expect(
      kinds(evaluatePoints({ trigger: trigger({}) }, initialState(1), pts([0, { t: 31 }], [1000, { t: 0 }], [2000, { t: 31 }]))),
    ).toEqual(["raise@0", "repeat@2000"]);
  });
});

describe("stateFor", () => {
  it("keeps a state of the same rule version and restarts timers, not `active`, for a new one", () => {
    const s = { ...initialState(1), active: true, since: 5, latest: { t: 1 } };
    expect(stateFor(1, s)).toBe(s);
    expect(stateFor(2, s)).toEqual({ ...initialState(2), active: true });
    expect(stateFor(2, null)).toEqual(initialState(2));
  });
});

describe("eventMatches, offlineDue, targetsDevice", () => {
  it.each([
    [{ event: "overheat" }, { event: "overheat", level: "info" }, true],
    [{ event: "overheat" }, { event: "door", level: "fault" }, false],
    [{ level: "warning" }, { event: "door", level: "fault" }, true],
    [{ level: "warning" }, { event: "door", level: "warning" }, true],
    [{ level: "warning" }, { event: "door", level: "info" }, false],
    [{ level: "warning" }, { event: "door" }, false],
    [{ event: "door", level: "fault" }, { event: "door", level: "warning" }, false],
  ] as const)("%j matches %j: %s", (t, e, want) => {
    expect(eventMatches({ type: "event", ...t }, e)).toBe(want);
  });

  it.each([
    [{ online: false, lastSeenAt: 0, createdAt: 0 }, 10 * 60_000 + 1, true],
    [{ online: false, lastSeenAt: 0, createdAt: 0 }, 10 * 60_000, false],
    [{ online: true, lastSeenAt: 0, createdAt: 0 }, 99 * 60_000, false],
    [{ online: false, lastSeenAt: null, createdAt: 60_000 }, 10 * 60_000 + 1, false],
    [{ online: false, lastSeenAt: null, createdAt: 0 }, 11 * 60_000, true],
  ])("offline %j at %d → %s", (d, now, want) => {
    expect(offlineDue({ type: "offline", forMinutes: 10 }, d, now)).toBe(want);
  });

  it.each([
    [[], {}, true],
    [["a"], {}, true],
    [["b"], {}, false],
    [[], { site: "berlin" }, true],
    [[], { site: "paris" }, false],
    [["a"], { site: "berlin", floor: "2" }, false],
  ] as const)("ids %j labels %j → %s", (deviceIds, labels, want) => {
    expect(targetsDevice({ deviceIds, labels }, { id: "a", labels: { site: "berlin" } })).toBe(want);
  });
});

describe("evaluatePoints: the input state", () => {
  it("is never changed, neither the windows the rule moves nor those it only shares", () => {
    const trigger = telemetryTriggerSchema.parse({
      type: "telemetry",
      combine: "all",
      conditions: [{ kind: "change", property: "t", delta: 1, windowSeconds: 60 }],
    });
    const state: PairState = {
      ...initialState(1),
      windows: { t: windowOf([[0, 20]]), h: windowOf([[0, 40]]) },
      latest: { t: 20, h: 40 },
    };
    const before = structuredClone(state);
    const r = evaluatePoints({ trigger }, state, [
      { ts: 1000, values: { t: 25, h: 41 } },
      { ts: 2000, values: { t: 19 } },
    ]);
    expect(r.effects.map((e) => e.kind)).toEqual(["raise", "repeat"]);
    expect(state).toEqual(before);
    expect(r.state.windows.t).not.toBe(state.windows.t);
    expect(r.state.windows.t?.hi.length).toBeGreaterThan(0);
  });
});
