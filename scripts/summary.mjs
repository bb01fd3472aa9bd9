#!/usr/bin/env node
// Adds up the JSON reports of every suite and prints one `N passed, N failed, N skipped` line.
// A suite whose report is missing (it crashed before reporting) counts as one failure.
// A suite that exited non-zero (its exit code is given after a second colon) or whose report says it did not
// succeed, without any failed test counted, also counts as one failure: a crashed run never reads as green.
// A check (lint, format, typecheck) is `check:<name>:<exit code>` and counts as one test: passed when it exited 0.
// Usage: node scripts/summary.mjs check:lint:<exit code> vitest:<file>:<exit code> playwright:<file>:<exit code> ...
import { existsSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
let skipped = 0;
for (const arg of process.argv.slice(2)) {
  const [kind, rest = ""] = arg.split(/:(.*)/s);
  if (kind === "check") {
    const [name, code] = rest.split(":");
    const ok = code === "0";
    console.log(`check ${name}: ${ok ? "passed" : `failed (exit ${code})`}`);
    if (ok) passed += 1;
    else failed += 1;
    continue;
  }
  const m = /^(.*?)(?::(\d+))?$/s.exec(rest);
  const file = m?.[1];
  const exitCode = Number(m?.[2] ?? 0);
  if (!file || !existsSync(file)) {
    console.log(`${kind}: no report at ${file} (suite did not run to the end) — counted as 1 failure`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8"));
  let p = 0,
    f = 0,
    s = 0;
  if (kind === "vitest") {
    p = report.numPassedTests ?? 0;
    f = (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0) - countSuitesWithFailedTests(report);
    s = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  } else if (kind === "playwright") {
    p = (report.stats?.expected ?? 0) + (report.stats?.flaky ?? 0);
    f = (report.stats?.unexpected ?? 0) + (report.errors?.length ?? 0);
    s = report.stats?.skipped ?? 0;
  }
  if (f === 0 && (exitCode !== 0 || report.success === false || p + s === 0)) {
    console.log(`${kind}: exited ${exitCode}${p + s === 0 ? " with no test run" : ""} — counted as 1 failure`);
    f = 1;
  }
  console.log(`${kind} suite: ${p} passed / ${f} failed / ${s} skipped`);
  passed += p;
  failed += f;
  skipped += s;
}

// A file that failed to load has no tests but counts as a failed suite; files with failing tests are already counted.
function countSuitesWithFailedTests(report) {
  return (report.testResults ?? []).filter((r) => r.status === "failed" && (r.assertionResults ?? []).some((a) => a.status === "failed"))
    .length;
}

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
