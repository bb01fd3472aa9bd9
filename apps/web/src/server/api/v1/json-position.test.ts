import { describe, expect, it } from "vitest";
import { jsonErrorOffset } from "./json-position";

describe("jsonErrorOffset", () => {
  it.each([
    ['{"a": }', 6],
    ['{"a": 1,}', 8],
    ['{"a" 1}', 5],
    ["[1, 2", 5],
    ['{"a": tru}', 9],
    ['{"a": "\\x"}', 8],
    ['{"a": 01}', 7],
    ["{} x", 3],
    ["", 0],
    ['{"a": "b\n"}', 8],
  ])("finds the error in %j at %i", (text, at) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorOffset(text)).toBe(at);
  });
});
