import { describe, expect, it } from "vitest";
import { chartHeaderValue } from "./chart-header";

const latest = (values: Record<string, number | string | null>) => ({
  values: Object.entries(values).map(([key, value]) => ({
    key,
    name: key,
    type: null,
    unit: null,
    declared: true,
    ts: value === null ? null : 1,
    value,
  })),
});

describe("chartHeaderValue", () => {
  it("is the latest value rounded to the property's precision, not the last bucket's average", () => {
    // The last 10-second bucket averaged 49.5 (two readings 45 and 54); the latest value is 45.
    expect(chartHeaderValue(latest({ humidity: 45 }), { identifier: "humidity", type: "int", unit: "%" })).toBe("45 %");
    expect(chartHeaderValue(latest({ temperature: 20.790000000000003 }), { identifier: "temperature", type: "float", unit: "°C" })).toBe(
      "20.79 °C",
    );
    expect(chartHeaderValue(latest({ level: 55.333333333333336 }), { identifier: "level", type: "float", unit: undefined })).toBe("55.33");
  });

  it("is empty before a numeric value was reported", () => {
    expect(chartHeaderValue(undefined, { identifier: "humidity", type: "int", unit: "%" })).toBe("");
    expect(chartHeaderValue(latest({ humidity: null }), { identifier: "humidity", type: "int", unit: "%" })).toBe("");
    expect(chartHeaderValue(latest({ other: 3 }), { identifier: "humidity", type: "int", unit: "%" })).toBe("");
  });
});
