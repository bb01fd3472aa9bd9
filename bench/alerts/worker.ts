import { spawn } from "node:child_process";
import { repoRoot } from "../lib/processes";
import { sleep } from "../lib/stats";

/** Aspen's worker (apps/worker) in a child process; resolves once its /healthz answers 200. */
export async function startWorker(entry: string, env: Record<string, string>, httpPort: number) {
  const child = spawn(
    process.execPath,
    [...(process.env.PROF_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.PROF_DIR}`] : []), "--import", "tsx", entry],
    {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out = (out + d.toString()).slice(-50_000)));
  child.stderr.on("data", (d: Buffer) => (out = (out + d.toString()).slice(-50_000)));
  const exited = new Promise<number | null>((r) => child.once("exit", (c) => r(c)));
  process.on("exit", () => child.exitCode === null && child.kill("SIGKILL"));
  const end = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`worker exited:\n${out}`);
    if (
      await fetch(`http://127.0.0.1:${httpPort}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > end) throw new Error(`worker not ready in 60 s:\n${out}`);
    await sleep(200);
  }
  return {
    child,
    output: () => out,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      const t = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(t);
    },
  };
}
