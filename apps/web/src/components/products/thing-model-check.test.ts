import { describe, expect, it } from "vitest";
import { checkDraft, checkJson } from "./thing-model-check";
import { fromThingModel, newProperty } from "./thing-model-draft";

describe("checkJson", () => {
  it("refuses an unknown type instead of turning it into a string", () => {
    const r = checkJson(JSON.stringify({ properties: [{ identifier: "q", name: "Q", type: "quaternion" }] }));
    expect(r.ok).toBe(false);
    expect(r.ok === false && "errors" in r && Object.keys(r.errors)).toEqual(["properties[0].type"]);
  });
  it("explains text that is not JSON", () => {
    const r = checkJson("{ nope");
    expect(r.ok === false && "syntax" in r).toBe(true);
  });
  it("accepts a valid model", () => {
    expect(checkJson(JSON.stringify({ properties: [{ identifier: "t", name: "T", type: "float" }] })).ok).toBe(true);
  });
});

describe("checkDraft", () => {
  it("reports duplicate identifiers as you type, and missing names by row", () => {
    const d = fromThingModel({
      properties: [
        { identifier: "t", name: "T", type: "float" },
        { identifier: "t", name: "T2", type: "int" },
      ],
    });
    const errors = checkDraft(d);
    expect(Object.keys(errors).some((p) => p.startsWith("properties[1]"))).toBe(true);
    const withEmpty = { ...d, properties: [d.properties[0]!, newProperty()] };
    expect(Object.keys(checkDraft(withEmpty))).toContain("properties[1].identifier");
  });
  it("has no errors for an empty model", () => {
    expect(checkDraft(fromThingModel({}))).toEqual({});
  });
});
