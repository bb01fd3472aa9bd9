import { describe, expect, it } from "vitest";
import { formatLabels, parseLabels } from "./labels";

describe("labels", () => {
  it("parses semicolons and lines, trimming and skipping blanks", () => {
    expect(parseLabels(" site = berlin ; floor=2\n\nrole=gw;")).toEqual({ ok: true, labels: { site: "berlin", floor: "2", role: "gw" } });
  });
  it("keeps = inside values", () => {
    expect(parseLabels("q=a=b")).toEqual({ ok: true, labels: { q: "a=b" } });
  });
  it("names the bad part", () => {
    expect(parseLabels("a=1;oops")).toEqual({ ok: false, line: 2, text: "oops" });
    expect(parseLabels("=x")).toMatchObject({ ok: false });
  });
  it("formats back", () => {
    expect(formatLabels({ a: "1", b: "2" }, ";")).toBe("a=1;b=2");
    expect(formatLabels(null)).toBe("");
  });
});
