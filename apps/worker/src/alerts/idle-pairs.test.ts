import { initialState } from "@aspen/core";
import { describe, expect, it } from "vitest";
import { createIdlePairs } from "./idle-pairs";

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
});
