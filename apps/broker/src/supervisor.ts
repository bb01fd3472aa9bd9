// Keeps one broker process running: restarts it when it exits on its own (crash, uncaught exception,
// out of memory), with backoff; forwards SIGTERM/SIGINT and exits with the broker's code when asked to stop.
//   node dist/supervisor.js          (or: tsx src/supervisor.ts)
import { spawn, type ChildProcess } from "node:child_process";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(import.meta.url);
const entry = join(dirname(here), `index${extname(here)}`);
const say = (msg: string, extra: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ level: 30, time: Date.now(), service: "broker-supervisor", msg, ...extra }));

let child: ChildProcess | null = null;
let stopping = false;
let backoffMs = 1000;

function start() {
  const startedAt = Date.now();
  child = spawn(process.execPath, [...process.execArgv, entry], { stdio: "inherit" });
  say("broker started", { pid: child.pid });
  child.once("exit", (code, signal) => {
    child = null;
    if (stopping) process.exit(code ?? 0);
    // a broker that ran for a minute was healthy: start over with a short delay
    if (Date.now() - startedAt > 60_000) backoffMs = 1000;
    say("broker exited; restarting", { code, signal, restartInMs: backoffMs });
    setTimeout(start, backoffMs);
    backoffMs = Math.min(backoffMs * 2, 30_000);
  });
}

for (const sig of ["SIGTERM", "SIGINT"] as const) {
  process.on(sig, () => {
    stopping = true;
    if (child) child.kill(sig);
    else process.exit(0);
  });
}
start();
