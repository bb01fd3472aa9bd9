import { describe, expect, it } from "vitest";
import { bucketLabel, formatMeasurement, fromLocalInput, presetRange, toLocalInput } from "./ranges";

describe("history ranges", () => {
  it("end presets just after now on a stable step, so re-renders reuse the query", () => {
    const now = Date.UTC(2026, 11, 6, 10, 0, 7);
    expect(presetRange("r1h", now)).toEqual({ from: Date.UTC(2026, 11, 6, 9, 0, 10), to: Date.UTC(2026, 11, 6, 10, 0, 10) });
    expect(presetRange("r1h", now + 1000)).toEqual(presetRange("r1h", now));
    const d = presetRange("r30d", now);
    expect(d.to - d.from).toBe(30 * 86_400_000);
    expect(d.to % 60_000).toBe(0);
    expect(d.to).toBeGreaterThan(now);
  });

  it("reads and writes datetime-local text in the browser's zone", () => {
    const ms = new Date(2026, 2, 29, 3, 30).getTime();
    expect(toLocalInput(ms)).toBe("2026-03-29T03:30");
    expect(fromLocalInput("2026-03-29T03:30")).toBe(ms);
    expect(fromLocalInput("2026-03-29")).toBeNaN();
  });

  it("labels buckets and rounds values to the property's precision", () => {
    expect([30, 300, 10_800, 86_400].map(bucketLabel)).toEqual(["30 s", "5 min", "3 h", "1 d"]);
    expect(formatMeasurement(20.790000000000003, { type: "float", unit: "°C" }, "en")).toBe("20.79 °C");
    expect(formatMeasurement(49.5, { type: "int", unit: "%" }, "en")).toBe("50 %");
    expect(formatMeasurement(1234.5, { type: "float" }, "en")).toBe("1,234.5");
    expect(formatMeasurement(true, { type: "bool" }, "en")).toBe("true");
  });
});
