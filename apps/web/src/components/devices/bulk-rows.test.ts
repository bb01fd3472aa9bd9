import { describe, expect, it } from "vitest";
import { joinCsv, parseBulkCsv } from "./bulk-rows";

const products = [{ id: "prd_abc", name: "Thermo" }];

describe("parseBulkCsv", () => {
  it("reads rows and finds per-row problems", () => {
    const csv = "Name,Product,Labels\nt-1,Thermo,site=a;floor=2\nt-1,Thermo,\n bad name ,Nope,oops\n,prd_abc,\n";
    const r = parseBulkCsv(csv, products);
    if (!r.ok) throw new Error(r.error);
    expect(r.rows).toHaveLength(4);
    expect(r.rows[0]).toMatchObject({ name: "t-1", labels: { site: "a", floor: "2" }, errors: [] });
    expect(r.rows[1]!.errors).toEqual([{ kind: "duplicateName" }]);
    expect(r.rows[2]!.errors.map((e) => e.kind)).toEqual(["name", "unknownProduct", "badLabels"]);
    expect(r.rows[3]!.errors.map((e) => e.kind)).toEqual(["missingName"]);
  });
  it("refuses files without the columns or rows", () => {
    expect(parseBulkCsv("a,b\n1,2\n", products)).toEqual({ ok: false, error: "missingColumns" });
    expect(parseBulkCsv("name,product,labels\n", products)).toEqual({ ok: false, error: "noRows" });
  });
  it("accepts quoted cells and a BOM", () => {
    const r = parseBulkCsv('\uFEFFname,product,labels\n"x-1","Thermo","a=1;b=2"\n', products);
    expect(r.ok && r.rows[0]).toMatchObject({ name: "x-1", labels: { a: "1", b: "2" }, errors: [] });
  });
});

describe("joinCsv", () => {
  it("keeps one header", () => {
    expect(joinCsv(["h\na\n", "h\nb\n"])).toBe("h\na\nb\n");
  });
});
