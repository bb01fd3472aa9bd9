import { describe, expect, it } from "vitest";
import { checkBulkRows } from "./bulk-import";

const products = new Map([
  ["Thermo", "p1"],
  ["prd_abc", "p1"],
]);
const findProduct = (ref: string) => products.get(ref);

describe("checkBulkRows", () => {
  it("accepts good rows with trimmed names and parsed labels", () => {
    const [r] = checkBulkRows([{ name: " t-1 ", product: " Thermo ", labels: "site=a;floor=2" }], { findProduct });
    expect(r).toEqual({ index: 0, name: "t-1", product: "Thermo", found: "p1", labels: { site: "a", floor: "2" }, problems: [] });
  });
  it("finds every problem of every row", () => {
    const rows = checkBulkRows(
      [
        { name: "t-1", product: "Thermo" },
        { name: "t-1", product: "prd_abc" },
        { name: "bad name!", product: "Nope", labels: "oops" },
        { name: "", product: "" },
        { name: "old", product: "Thermo", labels: { "Bad Key": "1" } },
      ],
      { findProduct, taken: new Set(["old"]) },
    );
    expect(rows.map((r) => r.problems)).toEqual([
      [],
      [{ field: "name", kind: "duplicate", firstRow: 0 }],
      [
        { field: "name", kind: "invalid", message: expect.any(String) },
        { field: "product", kind: "unknown", product: "Nope" },
        { field: "labels", kind: "syntax", text: "oops" },
      ],
      [
        { field: "name", kind: "missing" },
        { field: "product", kind: "missing" },
      ],
      [
        { field: "name", kind: "taken" },
        { field: "labels", kind: "invalid", message: expect.any(String) },
      ],
    ]);
  });
  it("does not look up an empty product", () => {
    let asked = 0;
    checkBulkRows([{ name: "a", product: "  " }], { findProduct: () => (asked++, undefined) });
    expect(asked).toBe(0);
  });
});
