#!/usr/bin/env node
// Adds up the JSON reports of every suite and prints one `N passed, N failed, N skipped` line.
// A suite whose report is missing (it crashed before reporting) counts as one failure.
// Usage: node scripts/summary.mjs vitest:<file> playwright:<file> ...
import { existsSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
for (const arg of process.argv.slice(2)) {
  const [kind, file] = arg.split(/:(.*)/s);
  if (!file || !existsSync(file)) {
    console.log(`${kind}: no report at ${file} (suite did not run to the end) — counted as 1 failure`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8"));
  let p = 0, f = 0, s = 0;
  if (kind === "vitest") {
    p = report.numPassedTests ?? 0;
    f = (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0) - countSuitesWithFailedTests(report);
    s = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  } else if (kind === "playwright") {
    p = (report.stats?.expected ?? 0) + (report.stats?.flaky ?? 0);
    f = (report.stats?.unexpected ?? 0) + (report.errors?.length ?? 0);
    s = report.stats?.skipped ?? 0;
  }
  console.log(`${kind}: ${p} passed, ${f} failed, ${s} skipped`);
  passed += p;
  failed += f;
  skipped += s;
}

// A file that failed to load has no tests but counts as a failed suite; files with failing tests are already counted.
function countSuitesWithFailedTests(report) {
  return (report.testResults ?? []).filter(
    (r) => r.status === "failed" && (r.assertionResults ?? []).some((a) => a.status === "failed"),
  ).length;
}

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
