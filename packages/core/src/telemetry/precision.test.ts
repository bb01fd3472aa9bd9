import { describe, expect, it } from "vitest";
import { propertyDecimals, roundToPrecision } from "./precision";

describe("roundToPrecision", () => {
  it("rounds ints to whole numbers and floats to two decimals", () => {
    expect(propertyDecimals({ type: "int" })).toBe(0);
    expect(propertyDecimals({ type: "float" })).toBe(2);
    expect(roundToPrecision(20.790000000000003, { type: "float" })).toBe(20.79);
    expect(roundToPrecision(55.333333333333336, { type: "float" })).toBe(55.33);
    expect(roundToPrecision(49.5, { type: "int" })).toBe(50);
    expect(roundToPrecision(-2.5, { type: "int" })).toBe(-3);
    expect(roundToPrecision(-0.001, { type: "float" })).toBe(0);
    expect(roundToPrecision(21.5, { type: "float" })).toBe(21.5);
    expect(roundToPrecision(45, { type: "int" })).toBe(45);
  });
});
