import { describe, expect, it } from "vitest";
import { labelsSchema } from "./labels";

describe("labelsSchema", () => {
  it("accepts simple labels", () => {
    expect(labelsSchema.parse({ site: "berlin", "floor.no": "3", "a_b-c": "" })).toEqual({
      site: "berlin",
      "floor.no": "3",
      "a_b-c": "",
    });
  });

  it("accepts 20 labels and refuses 21", () => {
    const labels = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, "v"]));
    expect(labelsSchema.safeParse(labels(20)).success).toBe(true);
    expect(labelsSchema.safeParse(labels(21)).error?.issues[0]?.message).toBe("Use at most 20 labels");
  });

  it("drops a __proto__ key without touching the prototype", () => {
    const parsed = labelsSchema.parse(JSON.parse('{"__proto__": {"polluted": "x"}, "a": "b"}'));
    expect(parsed).toEqual({ a: "b" });
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });

  it.each([
    [{ Site: "x" }],
    [{ "": "x" }],
    [{ [`k${"x".repeat(32)}`]: "x" }],
    [{ "a b": "x" }],
    [{ site: "x".repeat(65) }],
    [{ site: 1 }],
    [[]],
    [null],
  ])("refuses %j", (labels) => {
    expect(labelsSchema.safeParse(labels).success).toBe(false);
  });
});
