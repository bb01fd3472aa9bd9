import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { generateWebhookSecret, hashSecret, ingestStreamField, ingestStreamKey, type AlertRuleSpec, type IngestBatch } from "@aspen/core";
import { addWebhookSecret, insertAlertRule, withSystem, type Database } from "@aspen/db";
import { products, devices, webhookEndpoints } from "@aspen/db/schema";
import { createTestTenant, createTestUser, randomSuffix } from "@aspen/db/testing";
import type { Redis } from "ioredis";
import { SMTPServer } from "smtp-server";
import { Webhook } from "standardwebhooks";
import { freePort } from "../../broker/src/test/ports";
import { startQos1Fleet } from "../../broker/src/test/qos1-fleet";

export { freePort, startQos1Fleet };

/** Integration tests of the worker: fixtures, a captured SMTP server, a verifying webhook receiver, the worker process. */

export async function waitFor<T>(what: string, fn: () => Promise<T | undefined | false> | T | undefined | false, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const thingModel = {
  properties: [
    { identifier: "temperature", name: "Temperature", type: "float" as const, unit: "°C", min: -40, max: 125, access: "r" as const },
  ],
  events: [],
  commands: [],
};

export async function createWorld(sys: Database, opts: { devices: number; secret?: string }) {
  const owner = await createTestUser(sys);
  const tenant = await createTestTenant(sys, { ownerId: owner.id });
  return withSystem(sys, async (tx) => {
    const [p] = await tx
      .insert(products)
      .values({ tenantId: tenant.id, name: `p-${randomSuffix()}`, thingModel, productKey: `pk_${randomSuffix()}` })
      .returning();
    const devs = await tx
      .insert(devices)
      .values(
        Array.from({ length: opts.devices }, (_, i) => ({
          tenantId: tenant.id,
          productId: p!.id,
          name: `d${i}-${randomSuffix()}`,
          secretHash: opts.secret && i === 0 ? hashSecret(opts.secret) : `h-${randomSuffix()}`,
          secretHint: "x",
          labels: { site: "berlin" },
        })),
      )
      .returning();
    return { owner, tenant, productId: p!.id, deviceIds: devs.map((d) => d.id), deviceNames: devs.map((d) => d.name) };
  });
}

export async function createRule(sys: Database, w: { tenant: { id: string }; productId: string }, spec: Partial<AlertRuleSpec> = {}) {
  return withSystem(sys, (tx) =>
    insertAlertRule(tx, {
      tenantId: w.tenant.id,
      productId: w.productId,
      createdBy: null,
      spec: {
        name: "Hot",
        description: "",
        enabled: true,
        severity: "critical",
        deviceIds: [],
        labels: { site: "berlin" },
        trigger: {
          type: "telemetry",
          combine: "all",
          conditions: [{ kind: "compare", property: "temperature", op: ">", value: 30 }],
          forSeconds: 5,
        },
        actions: { notify: { roles: ["owner"], inApp: true, email: true }, webhookIds: [] },
        ...spec,
      },
    }),
  );
}

export async function createEndpoint(sys: Database, tenantId: string, url: string, eventTypes: string[] = ["alarm.created"]) {
  const secret = generateWebhookSecret();
  const id = await withSystem(sys, async (tx) => {
    const [e] = await tx.insert(webhookEndpoints).values({ tenantId, url, eventTypes, secretHint: "x" }).returning();
    await addWebhookSecret(tx, { tenantId, endpointId: e!.id, secret });
    return e!.id;
  });
  return { id, secret };
}

export interface Received {
  id: string;
  body: string;
  verified: boolean;
}

/** An HTTP receiver; `answer(n)` gives the status for the n-th request (1-based) of a path. */
export async function startReceiver(
  secretOf: (path: string) => string | undefined,
  answer: (path: string, n: number) => number = () => 200,
) {
  const got = new Map<string, Received[]>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "/";
      const body = Buffer.concat(chunks).toString();
      let verified = false;
      try {
        const s = secretOf(path);
        verified = Boolean(s && new Webhook(s).verify(body, req.headers as Record<string, string>));
      } catch {
        verified = false;
      }
      const list = got.get(path) ?? [];
      list.push({ id: String(req.headers["webhook-id"]), body, verified });
      got.set(path, list);
      res.writeHead(answer(path, list.length)).end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = (path: string) => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  return { got, url, close: () => new Promise((r) => server.close(r)) };
}

export async function startSmtp() {
  const mails: { to: string; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), raw: Buffer.concat(chunks).toString() });
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.server.address() as AddressInfo).port;
  return { mails, url: `smtp://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r(undefined))) };
}

let seq = 0;
/** Appends a batch to the ingest stream exactly as the broker's producer does. */
export async function xaddBatch(
  redis: Redis,
  prefix: string,
  items: Omit<IngestBatch["telemetry"][number], never>[],
  extra: Partial<IngestBatch> = {},
) {
  const batch: IngestBatch = {
    v: 1,
    batchId: `test-${process.pid}-${++seq}`,
    source: "mqtt",
    committedAt: Date.now(),
    telemetry: items,
    events: [],
    presence: [],
    commands: [],
    ...extra,
  };
  return redis.xadd(ingestStreamKey(prefix), "*", ingestStreamField, JSON.stringify(batch));
}

const entry = fileURLToPath(new URL("./index.ts", import.meta.url));
// One process, with tsx as a loader: the `tsx` CLI runs the program in a child of its own, so a SIGKILL
// sent to it killed only the CLI and left the real worker running on (the "killed" worker kept working).
const node = (file: string) => [process.execPath, ["--import", "tsx", file]] as const;
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** Starts the worker process with `env` on top of the test's database and Redis. */
export function startWorker(env: Record<string, string>) {
  const [cmd, args] = node(entry);
  const child = spawn(cmd, args, {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? "",
      DATABASE_URL: process.env.DATABASE_URL!,
      REDIS_URL: process.env.REDIS_URL!,
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const state = { out: "" };
  child.stdout.on("data", (b: Buffer) => (state.out += b.toString()));
  child.stderr.on("data", (b: Buffer) => (state.out += b.toString()));
  const exited = once(child, "exit").then(([code]) => code as number | null);
  return {
    child,
    state,
    exited,
    ready: () =>
      waitFor("the worker to start", () => state.out.includes("worker started") || undefined, 30_000).catch((e: Error) => {
        throw new Error(`${e.message}\n${state.out.slice(-4000)}`);
      }),
  };
}

const brokerEntry = fileURLToPath(new URL("../../broker/src/index.ts", import.meta.url));

/** The real broker in a child process (the end-to-end test drives it with an MQTT client); resolves once it listens. */
export async function startBrokerProcess(env: Record<string, string>) {
  const [cmd, args] = node(brokerEntry);
  const child = spawn(cmd, args, {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? "",
      DATABASE_URL: process.env.DATABASE_URL!,
      REDIS_URL: process.env.REDIS_URL!,
      HOST: "127.0.0.1",
      MQTT_WS_PORT: "0",
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const state = { out: "" };
  child.stdout.on("data", (b: Buffer) => (state.out += b.toString()));
  child.stderr.on("data", (b: Buffer) => (state.out += b.toString()));
  const exited = once(child, "exit").then(([code]) => code as number | null);
  await waitFor("the broker to listen", () => state.out.includes('"broker listening"') || undefined, 30_000).catch((e: Error) => {
    throw new Error(`${e.message}\n${state.out}`);
  });
  return { child, state, exited };
}
