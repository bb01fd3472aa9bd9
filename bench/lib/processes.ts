import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = join(here, "../..");

/** Brokers in benches can be asked to collect garbage (SIGUSR2) before their memory is read. */
const gcFlags = ["--expose-gc", "--import", "tsx", "--import", join(here, "gc-on-signal.ts")];

export interface Proc {
  child: ChildProcess;
  port: number;
  output(): string;
  exited: Promise<number | null>;
  /** Resident memory in MB (from /proc). */
  rssMb(): number;
  /** Full GC in the child, then its resident memory (MB); `compacted`: after a compacting GC as well. */
  liveRssMb(): Promise<{ gc: number; compacted: number }>;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();
// A bench that fails half-way must not leave brokers running.
process.on("exit", () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
});

function start(args: string[], env: Record<string, string>, ready: string, port: number): Promise<Proc> {
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let out = "";
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code, signal) => {
      children.delete(child);
      resolve(code ?? (signal ? -1 : null));
    }),
  );
  const keep = (d: Buffer) => {
    out += d.toString();
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const proc: Proc = {
    child,
    port,
    output: () => out,
    exited,
    rssMb() {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
        return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      } catch {
        return 0;
      }
    },
    async liveRssMb() {
      const before = out.length;
      child.kill("SIGUSR2");
      await new Promise((r) => setTimeout(r, 1500));
      const rss = (kind: string) =>
        Number(new RegExp(`MEM \\{"kind":"${kind}","rss":([\\d.]+)`).exec(out.slice(before))?.[1] ?? Number.NaN);
      return { gc: rss("gc"), compacted: rss("compacted") };
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const t = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(t);
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in 60 s:\n${out}`)), 60_000);
    const check = () => {
      if (out.includes(ready)) {
        clearTimeout(timer);
        child.stdout.off("data", check);
        resolve(proc);
      }
    };
    child.stdout.on("data", check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code}) before ready:\n${out.slice(-3000)}`));
    });
  });
}

/** Aspen's broker (apps/broker) in a child process; `root`: another checkout's (before/after comparisons). */
export function startAspen(env: Record<string, string>, port: number, root = repoRoot): Promise<Proc> {
  return start(
    [
      ...(process.env.BENCH_CPU_PROF ? ["--cpu-prof", "--cpu-prof-dir=/tmp/aspen-prof"] : []),
      ...gcFlags,
      join(root, "apps/broker/src/index.ts"),
    ],
    { LOG_LEVEL: "info", ...env, MQTT_PORT: String(port), HOST: "127.0.0.1" },
    '"broker listening"',
    port,
  ).then((p) => p);
}

/** A bare aedes 1.2 (defaults, in-memory) in a child process. */
export function startBareAedes(port: number, opts: { noDelay?: boolean } = {}): Promise<Proc> {
  return start([...gcFlags, join(here, "bare-aedes.ts"), String(port), opts.noDelay ? "nodelay" : ""], {}, "bare aedes listening", port);
}

/**
 * The built web app (`npm run build -w @aspen/web` first) on 127.0.0.1:`port`, in production mode, with `env` on top
 * of this process' environment; resolves once `/healthz` answers. `stop()` ends its process group (also at exit).
 */
export async function startBuiltWeb(
  port: number,
  env: Record<string, string>,
  root = repoRoot,
): Promise<{ base: string; stop: () => void }> {
  const base = `http://127.0.0.1:${port}`;
  const web = spawn("npm", ["run", "start", "-w", "@aspen/web"], {
    cwd: root,
    env: {
      ...process.env,
      APP_URL: base,
      WEB_PORT: String(port),
      WEB_HOST: "127.0.0.1",
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  const stop = () => {
    try {
      if (web.pid) process.kill(-web.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  };
  process.on("exit", stop);
  for (let i = 0; ; i++) {
    const up = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { base, stop };
    if (i > 240) throw new Error("web did not start");
    await new Promise((r) => setTimeout(r, 500));
  }
}
