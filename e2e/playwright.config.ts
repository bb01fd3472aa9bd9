import { defineConfig } from "@playwright/test";
import { stack } from "./stack";

/**
 * Browser tests in Debian's Chromium against the BUILT web app, MQTT broker and worker
 * (`npx turbo run build` first).
 * Both get the database, Redis and auth secret from the environment, like in production; the broker
 * listens on loopback ports of its own (see stack.ts) so tests publish as real MQTT devices.
 */
const port = stack.webPort;
const baseURL = `http://127.0.0.1:${port}`;
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`e2e: ${name} is not set. Run through \`npm test\` (which starts the services) or export ${name} yourself.`);
  }
  return value;
}

/** A process of the stack, run from the repository root with the shared database and Redis. */
function server(opts: { command: string; url: string; timeout: number; env: Record<string, string> }) {
  return {
    ...opts,
    cwd: "..",
    reuseExistingServer: !process.env.CI && process.env.E2E_REUSE_SERVER === "1",
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 10_000 },
    stdout: "pipe" as const,
    stderr: "pipe" as const,
    env: {
      DATABASE_URL: required("DATABASE_URL"),
      TENANT_DATABASE_URL: required("TENANT_DATABASE_URL"),
      REDIS_URL: required("REDIS_URL"),
      REDIS_PREFIX: process.env.REDIS_PREFIX ?? "",
      // Web enqueues what the worker runs (test events, replays): both on the same BullMQ prefix.
      BULLMQ_PREFIX: process.env.BULLMQ_PREFIX ?? "aspen",
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
      ...opts.env,
    },
  };
}

export default defineConfig({
  testDir: "./tests",
  outputDir: "./artifacts/test-output",
  globalSetup: "./global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: "./artifacts/results.json" }]],
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    locale: "en-US",
    launchOptions: {
      executablePath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium", viewport: { width: 1280, height: 800 } } }],
  webServer: [
    server({
      command: "npm run start -w @aspen/web",
      url: `${baseURL}/healthz`,
      timeout: 120_000,
      env: {
        AUTH_SECRET: required("AUTH_SECRET"),
        APP_URL: process.env.E2E_APP_URL ?? baseURL,
        WEB_PORT: String(port),
        WEB_HOST: "127.0.0.1",
        WEB_OPS_PORT: String(stack.webOpsPort),
        NODE_ENV: "production",
        // Every browser here is 127.0.0.1: sign-up budgets per IP would otherwise end a full run early.
        ABUSE_LIMITS_SCALE: "100",
        // Browser tests register webhooks on a local receiver.
        WEBHOOK_ALLOW_LOOPBACK: "true",
      },
    }),
    // One broker process (no supervisor: a crash should fail the tests, not be hidden by a restart).
    server({
      command: "npm run start:once -w @aspen/broker",
      url: `http://127.0.0.1:${stack.brokerHttpPort}/healthz`,
      timeout: 60_000,
      env: {
        BROKER_ID: `e2e-${stack.mqttPort}`,
        HOST: "127.0.0.1",
        MQTT_PORT: String(stack.mqttPort),
        MQTT_WS_PORT: String(stack.mqttWsPort),
        HTTP_PORT: String(stack.brokerHttpPort),
      },
    }),
    // The worker evaluates alert rules on what the broker commits and delivers webhooks (to loopback here).
    server({
      command: "npm run start -w @aspen/worker",
      url: `http://127.0.0.1:${stack.workerHttpPort}/healthz`,
      timeout: 60_000,
      env: {
        WORKER_HTTP_PORT: String(stack.workerHttpPort),
        WEBHOOK_ALLOW_LOOPBACK: "true",
        // The ~27 h retry schedule in ~10 s, so that a delivery to a closed port ends as a failed job.
        WEBHOOK_RETRY_SCALE: "0.0001",
        APP_URL: process.env.E2E_APP_URL ?? baseURL,
      },
    }),
  ],
});
