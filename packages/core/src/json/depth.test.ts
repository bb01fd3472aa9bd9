import { describe, expect, it } from "vitest";
import { jsonDepth, jsonTooDeep, MAX_JSON_DEPTH } from "./depth";

describe("jsonDepth", () => {
  it("counts object and array nesting", () => {
    expect(jsonDepth("1")).toBe(0);
    expect(jsonDepth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(jsonDepth("[[],[[]]]")).toBe(3);
  });

  it("ignores brackets inside strings, escaped quotes included", () => {
    expect(jsonDepth('{"a":"[[[[{{{{"}')).toBe(1);
    expect(jsonDepth('{"a":"\\"[[[["}')).toBe(1);
  });

  it("refuses a 5,000-deep document and accepts the limit itself", () => {
    const deep = "[".repeat(5000) + "]".repeat(5000);
    expect(jsonTooDeep(deep)).toBe(true);
    const ok = "[".repeat(MAX_JSON_DEPTH) + "]".repeat(MAX_JSON_DEPTH);
    expect(jsonTooDeep(ok)).toBe(false);
    expect(jsonTooDeep(`[${ok}]`)).toBe(true);
  });
});
