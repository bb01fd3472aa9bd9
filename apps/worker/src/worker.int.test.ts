import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { freePort } from "./testing";

const entry = fileURLToPath(new URL("./index.ts", import.meta.url));
const tsx = fileURLToPath(new URL("../../../node_modules/.bin/tsx", import.meta.url));
const { DATABASE_URL, REDIS_URL } = process.env;
if (!DATABASE_URL || !REDIS_URL) throw new Error("DATABASE_URL and REDIS_URL must be set (run through `npm test`)");

function startWorker(env: Record<string, string>) {
  const child = spawn(tsx, [entry], { env: { PATH: process.env.PATH ?? "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const state = { out: "" };
  child.stdout.on("data", (b: Buffer) => (state.out += b.toString()));
  child.stderr.on("data", (b: Buffer) => (state.out += b.toString()));
  const killer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  const exited = once(child, "exit").then(([code]) => {
    clearTimeout(killer);
    return code as number | null;
  });
  return { child, state, exited };
}

async function waitFor(pred: () => boolean, ms: number) {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("worker process", () => {
  it("names every missing environment variable and exits 1", async () => {
    const w = startWorker({});
    expect(await w.exited).toBe(1);
    expect(w.state.out).toContain("DATABASE_URL");
    expect(w.state.out).toContain("REDIS_URL");
  });

  it("starts, answers /healthz and /metrics, and stops cleanly on SIGTERM", async () => {
    const port = await freePort();
    const w = startWorker({ DATABASE_URL, REDIS_URL, WORKER_HTTP_PORT: String(port), BULLMQ_PREFIX: `wtest${port}` });
    await waitFor(() => w.state.out.includes("worker started"), 25_000);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", checks: { db: true, redis: true } });
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toContain("process_resident_memory_bytes");
    w.child.kill("SIGTERM");
    expect(await w.exited).toBe(0);
    expect(w.state.out).toContain("worker stopped");
  }, 40_000);
});
