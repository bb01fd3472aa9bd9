import { alertRuleSpecSchema, initialState } from "@aspen/core";
import { describe, expect, it } from "vitest";
import { createIdlePairs, pointLocal } from "./idle-pairs";

const rule = (trigger: unknown, clear?: unknown) =>
  alertRuleSpecSchema.parse({ name: "r", severity: "info", trigger, ...(clear ? { clear } : {}) });
const cmp = (property: string) => ({ kind: "compare", property, op: ">", value: 1 });

describe("idle pairs", () => {
  it("remember idle states only, for a while", () => {
    const idle = createIdlePairs(1000);
    idle.note("a", initialState(1), 0);
    idle.note("b", { ...initialState(1), since: 5 }, 0);
    idle.note("c", { ...initialState(1), active: true }, 0);
    expect([idle.has("a", 500), idle.has("b", 500), idle.has("c", 500)]).toEqual([true, false, false]);
    expect(idle.has("a", 1500)).toBe(false);
    idle.note("a", initialState(1), 2000);
    idle.forget("a");
    expect(idle.has("a", 2100)).toBe(false);
  });

  it("apply to rules judged on one point: one property (a change condition reads the device's shared window)", () => {
    expect(pointLocal(rule({ type: "telemetry", conditions: [cmp("t")], forSeconds: 30 }))).toBe(true);
    expect(pointLocal(rule({ type: "telemetry", conditions: [cmp("t"), cmp("h")] }))).toBe(false);
    expect(pointLocal(rule({ type: "telemetry", conditions: [cmp("t")] }, { type: "telemetry", conditions: [cmp("h")] }))).toBe(false);
    const change = (property: string) => ({ kind: "change", property, delta: 1, windowSeconds: 5 });
    expect(pointLocal(rule({ type: "telemetry", conditions: [change("t")] }))).toBe(true);
    expect(pointLocal(rule({ type: "telemetry", combine: "all", conditions: [change("t"), cmp("h")] }))).toBe(false);
  });
});
