import { describe, expect, it } from "vitest";
import { unallowedFindings } from "../../../../../scripts/audit-check.mjs";

const report = {
  vulnerabilities: {
    "bad-lib": { via: [{ source: 1001, title: "RCE", severity: "critical", url: "https://github.com/advisories/GHSA-aaaa-bbbb-cccc" }] },
    "meh-lib": { via: [{ source: 1002, title: "ReDoS", severity: "moderate", url: "https://github.com/advisories/GHSA-dddd" }] },
    "uses-bad": { via: ["bad-lib"] },
  },
};

describe("audit-check", () => {
  it("reports high and critical advisories only, once, under the package that has them", () => {
    expect(unallowedFindings(report, [])).toEqual([
      { package: "bad-lib", severity: "critical", title: "RCE", url: "https://github.com/advisories/GHSA-aaaa-bbbb-cccc" },
    ]);
  });

  it("honours an allow-list entry by advisory id until its date", () => {
    const allow = [{ package: "bad-lib", advisory: "GHSA-aaaa-bbbb-cccc", reason: "not reachable", until: "2027-01-31" }];
    expect(unallowedFindings(report, allow, "2027-01-01")).toEqual([]);
    expect(unallowedFindings(report, allow, "2027-02-01")).toHaveLength(1);
    expect(unallowedFindings(report, [{ package: "bad-lib", advisory: "GHSA-other" }])).toHaveLength(1);
  });
});
