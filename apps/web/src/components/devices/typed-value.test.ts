import { describe, expect, it } from "vitest";
import { displayValue, parseFields, parseTypedValue, typedValueText, type ValueField } from "./typed-value";

const f = (spec: Partial<ValueField> & Pick<ValueField, "type">): ValueField => ({ identifier: "x", name: "X", ...spec });

describe("parseTypedValue", () => {
  it("parses numbers with the model's type and range", () => {
    expect(parseTypedValue(f({ type: "float", min: 5, max: 30 }), " 21.5 ")).toEqual({ ok: true, value: 21.5 });
    expect(parseTypedValue(f({ type: "float", min: 5, max: 30 }), "4")).toEqual({ ok: false, issue: { key: "min", limit: 5 } });
    expect(parseTypedValue(f({ type: "float", min: 5, max: 30 }), "31")).toEqual({ ok: false, issue: { key: "max", limit: 30 } });
    expect(parseTypedValue(f({ type: "int" }), "2.5")).toEqual({ ok: false, issue: { key: "notInteger" } });
    expect(parseTypedValue(f({ type: "int" }), "abc")).toEqual({ ok: false, issue: { key: "notNumber" } });
    expect(parseTypedValue(f({ type: "int" }), "-3")).toEqual({ ok: true, value: -3 });
  });

  it("parses booleans, enums and strings", () => {
    expect(parseTypedValue(f({ type: "bool" }), "false")).toEqual({ ok: true, value: false });
    expect(parseTypedValue(f({ type: "bool" }), "yes")).toEqual({ ok: false, issue: { key: "chooseValue" } });
    expect(parseTypedValue(f({ type: "enum", enumValues: ["eco", "comfort"] }), "eco")).toEqual({ ok: true, value: "eco" });
    expect(parseTypedValue(f({ type: "enum", enumValues: ["eco"] }), "boost")).toEqual({ ok: false, issue: { key: "chooseValue" } });
    expect(parseTypedValue(f({ type: "string", maxLength: 3 }), " ab")).toEqual({ ok: true, value: " ab" });
    expect(parseTypedValue(f({ type: "string", maxLength: 3 }), "abcd")).toEqual({ ok: false, issue: { key: "tooLong", limit: 3 } });
  });

  it("leaves out empty optional fields and refuses empty required ones", () => {
    expect(parseTypedValue(f({ type: "int" }), "  ")).toEqual({ ok: true, value: undefined });
    expect(parseTypedValue(f({ type: "int", required: true }), "")).toEqual({ ok: false, issue: { key: "required" } });
  });
});

describe("parseFields", () => {
  it("collects values and per-field issues", () => {
    const fields = [
      f({ identifier: "a", type: "int", required: true }),
      f({ identifier: "b", type: "float" }),
      f({ identifier: "c", type: "bool" }),
    ];
    expect(parseFields(fields, { a: "1", b: "", c: "true" })).toEqual({ values: { a: 1, c: true }, issues: {}, ok: true });
    expect(parseFields(fields, { b: "x" })).toEqual({ values: {}, issues: { a: { key: "required" }, b: { key: "notNumber" } }, ok: false });
  });
});

describe("display", () => {
  it("formats values for forms and tables", () => {
    expect(typedValueText(undefined)).toBe("");
    expect(typedValueText(false)).toBe("false");
    expect(displayValue(21.5, "°C")).toBe("21.5 °C");
    expect(displayValue(true, "x")).toBe("true");
    expect(displayValue(null)).toBe("—");
  });
});
