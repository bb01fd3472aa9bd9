// Reads `npm audit --json` output and the allow-list; exits 1 on any high or critical finding not allowed.
// Usage: npm audit --omit=dev --json | node scripts/audit-check.mjs [allow-list.json]
import { readFileSync } from "node:fs";

/**
 * The high/critical advisories in an `npm audit --json` report that the allow-list does not cover.
 * Allow-list entries: { "advisory": "GHSA-…" | <npm source id>, "package": "name", "reason": "…", "until": "YYYY-MM-DD" }.
 * An entry past its `until` date no longer applies.
 */
export function unallowedFindings(report, allowList, today = new Date().toISOString().slice(0, 10)) {
  const live = allowList.filter((a) => !a.until || a.until >= today);
  const allowed = (pkg, via) =>
    live.some(
      (a) =>
        a.package === pkg &&
        (a.advisory === undefined || String(a.advisory) === String(via.source) || (via.url ?? "").endsWith(a.advisory)),
    );
  const out = [];
  for (const [pkg, v] of Object.entries(report.vulnerabilities ?? {})) {
    for (const via of v.via ?? []) {
      if (typeof via !== "object") continue; // transitive: reported under the package that has the advisory
      if (via.severity !== "high" && via.severity !== "critical") continue;
      if (!allowed(pkg, via)) out.push({ package: pkg, severity: via.severity, title: via.title, url: via.url });
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const allowPath = process.argv[2] ?? new URL("../security/audit-allowlist.json", import.meta.url).pathname;
  const allowList = JSON.parse(readFileSync(allowPath, "utf8")).allow ?? [];
  const input = readFileSync(0, "utf8");
  let report;
  try {
    report = JSON.parse(input);
  } catch {
    console.error("audit: npm audit did not print JSON");
    process.exit(2);
  }
  if (report.error || report.message) {
    console.error(`audit: npm audit failed: ${report.error?.summary || report.message}`);
    process.exit(2);
  }
  const bad = unallowedFindings(report, allowList);
  const counts = report.metadata?.vulnerabilities ?? {};
  console.log(
    `audit: ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low (production dependencies); ${bad.length} not allowed`,
  );
  for (const b of bad) console.log(`  ${b.severity} ${b.package}: ${b.title} ${b.url ?? ""}`);
  process.exit(bad.length ? 1 : 0);
}
