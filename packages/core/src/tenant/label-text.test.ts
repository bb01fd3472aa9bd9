import { describe, expect, it } from "vitest";
import { formatLabels, parseLabelFilter, parseLabelText } from "./labels";

describe("the label grammar", () => {
  it("splits on ; and new lines, trims, skips blanks and splits at the first =", () => {
    expect(parseLabelText(" site = berlin ; floor=2\n\nrole=gw;q=a=b")).toEqual({
      ok: true,
      labels: { site: "berlin", floor: "2", role: "gw", q: "a=b" },
    });
  });
  it("keeps | inside a value: it is not a separator", () => {
    expect(parseLabelText("rack=a|b")).toEqual({ ok: true, labels: { rack: "a|b" } });
  });
  it("names the part without a key", () => {
    expect(parseLabelText("a=1;oops")).toEqual({ ok: false, line: 2, text: "oops" });
    expect(parseLabelText("=x")).toEqual({ ok: false, line: 1, text: "=x" });
  });
  it("formats back to the same labels", () => {
    const labels = { a: "1", b: "x=y" };
    for (const sep of [";", "\n"] as const) expect(parseLabelText(formatLabels(labels, sep))).toEqual({ ok: true, labels });
    expect(formatLabels(null)).toBe("");
  });
});

describe("the label filter", () => {
  it("takes key=value (value may be empty or hold =)", () => {
    expect(parseLabelFilter("zone=a")).toEqual({ key: "zone", value: "a" });
    expect(parseLabelFilter("zone=")).toEqual({ key: "zone", value: "" });
    expect(parseLabelFilter("q=a=b")).toEqual({ key: "q", value: "a=b" });
  });
  it.each(["nonsense", "=a", "a b=c", ""])("refuses %j", (f) => {
    expect(parseLabelFilter(f)).toBeNull();
  });
});
