import { spawn, type ChildProcess } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { pino } from "pino";
import { loadEnv } from "../env";
import { startBroker, type RunningBroker } from "../server";
import { suffix } from "./fixtures";
import { testEnv } from "./env";
import { freePort } from "./ports";

export { freePort };

/** Environment for a test broker: its own Redis prefix unless one is given (two brokers share one). */
export async function brokerEnvVars(overrides: Record<string, string> = {}): Promise<Record<string, string>> {
  const { DATABASE_URL, REDIS_URL } = testEnv();
  return {
    DATABASE_URL,
    REDIS_URL,
    REDIS_PREFIX: `bt-${suffix()}:`,
    HOST: "127.0.0.1",
    MQTT_PORT: String(await freePort()),
    MQTT_WS_PORT: "0",
    HTTP_PORT: String(await freePort()),
    BROKER_ID: `test-${suffix()}`,
    LOG_LEVEL: process.env.BROKER_TEST_LOG ?? "silent",
    ...overrides,
  };
}

/** A broker in this process. */
export async function startTestBroker(
  overrides: Record<string, string> = {},
): Promise<RunningBroker & { url: string; vars: Record<string, string> }> {
  const vars = await brokerEnvVars(overrides);
  const env = loadEnv(vars);
  const broker = await startBroker(env, pino({ level: env.LOG_LEVEL }));
  return Object.assign(broker, { url: `mqtt://127.0.0.1:${broker.ports.mqtt}`, vars });
}

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "../../../..");

export interface ChildBroker {
  process: ChildProcess;
  url: string;
  vars: Record<string, string>;
  output: () => string;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
}

/**
 * A broker in a child process (so that a test can SIGKILL it); resolves once it listens. A port that `freePort`
 * found free can be taken before the broker binds it (the kernel hands the same range out to outgoing
 * connections): then the busy port in `vars` is replaced by another free one, in place, and the broker started
 * again (at most twice).
 */
export async function spawnBroker(vars: Record<string, string>): Promise<ChildBroker> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await spawnOnce(vars);
    } catch (err) {
      const busy = /EADDRINUSE: address already in use [\d.]+:(\d+)/.exec((err as Error).message)?.[1];
      const key = busy ? Object.keys(vars).find((k) => k.endsWith("PORT") && vars[k] === busy) : undefined;
      if (attempt >= 2 || !key) throw err;
      vars[key] = String(await freePort());
    }
  }
}

async function spawnOnce(vars: Record<string, string>): Promise<ChildBroker> {
  const child = spawn(process.execPath, ["--import", "tsx", join(here, "../index.ts")], {
    cwd: root,
    env: { PATH: process.env.PATH, ...vars, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`broker did not start in 30 s:\n${out}`)), 30_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('"broker listening"')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`broker exited with ${code} before listening:\n${out}`));
    });
  });
  return { process: child, url: `mqtt://127.0.0.1:${vars.MQTT_PORT}`, vars, output: () => out, exited };
}
