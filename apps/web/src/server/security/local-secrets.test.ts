import { execFileSync } from "node:child_process";
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const script = fileURLToPath(new URL("../../../../../scripts/auth-secret.sh", import.meta.url));

describe("scripts/auth-secret.sh", () => {
  it("writes .aspen/auth_secret readable by its owner only, and keeps it on the next run", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "aspen-secret-"));
    const first = execFileSync("bash", [script, dir], { encoding: "utf8" }).trim();
    expect(first.length).toBeGreaterThanOrEqual(40);
    expect(statSync(path.join(dir, "auth_secret")).mode & 0o777).toBe(0o600);
    expect(execFileSync("bash", [script, dir], { encoding: "utf8" }).trim()).toBe(first);
  });

  it("tightens a secret file an older version left world-readable", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "aspen-secret-"));
    writeFileSync(path.join(dir, "auth_secret"), "x".repeat(43), { mode: 0o644 });
    execFileSync("bash", [script, dir]);
    expect(statSync(path.join(dir, "auth_secret")).mode & 0o777).toBe(0o600);
  });
});
