import { describe, expect, it } from "vitest";
import { csvCell } from "./cell";

describe("csvCell", () => {
  it.each(['=HYPERLINK("http://evil")', "+1+1", "-2", "@SUM(A1)", "\tx", "\rx"])("neutralises a formula: %j", (v) => {
    const cell = csvCell(v);
    expect(cell.replace(/^"/, "")).toMatch(/^'/);
  });

  it("quotes commas, quotes and line breaks", () => {
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("=1,2")).toBe('"\'=1,2"');
  });

  it("leaves numbers as numbers (a negative port is not a formula to neutralise)", () => {
    expect(csvCell(1883)).toBe("1883");
  });
});
