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
/** One line per failed or skipped test, printed just above the totals so the tail of a CI log names them. */
const notes = [];
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
    notes.push(...vitestNotes(report));
    p = report.numPassedTests ?? 0;
    f = (report.numFailedTests ?? 0) + countFilesFailedWithoutFailedTest(report);
    s = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  } else if (kind === "playwright") {
    notes.push(...playwrightNotes(report));
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

function vitestNotes(report) {
  const out = [];
  for (const file of report.testResults ?? []) {
    const rel = String(file.name ?? "").replace(`${process.cwd()}/`, "");
    const results = file.assertionResults ?? [];
    if (file.status === "failed" && !results.some((a) => a.status === "failed")) out.push(`FAILED ${rel}: ${firstLine(file.message)}`);
    for (const a of results) {
      if (a.status === "failed") out.push(`FAILED ${rel} > ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
      else if (a.status === "pending" || a.status === "skipped" || a.status === "todo") out.push(`skipped ${rel} > ${a.fullName}`);
    }
  }
  return out;
}

function playwrightNotes(report) {
  const out = [];
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === "unexpected")
          out.push(`FAILED ${spec.file} > ${[...path, spec.title].join(" > ")}: ${firstLine(t.results?.at(-1)?.error?.message)}`);
        else if (t.status === "skipped") out.push(`skipped ${spec.file} > ${[...path, spec.title].join(" > ")}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child, suite.title && !suite.file ? [...path, suite.title] : path);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  for (const e of report.errors ?? []) out.push(`FAILED playwright: ${firstLine(e.message)}`);
  return out;
}

function firstLine(text) {
  // eslint-disable-next-line no-control-regex -- strips ANSI colour codes from reporter messages
  const plain = String(text ?? "").replace(/\u001b\[[0-9;]*m/g, "");
  return (
    plain
      .split("\n")
      .find((l) => l.trim() !== "")
      ?.trim()
      .slice(0, 300) ?? ""
  );
}

// A file that failed to load, or whose file-level hook failed, has no failed test but failed: one failure each.
// (`numFailedTestSuites` counts failed describe blocks too, so it cannot be used for this.)
function countFilesFailedWithoutFailedTest(report) {
  return (report.testResults ?? []).filter((r) => r.status === "failed" && !(r.assertionResults ?? []).some((a) => a.status === "failed"))
    .length;
}

for (const line of notes.slice(0, 40)) console.log(line);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
