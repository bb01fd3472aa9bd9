import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { upsertDeliveries, withSystem } from "@aspen/db";
import { webhookAttempts, webhookEndpoints } from "@aspen/db/schema";
import { testSystemDb } from "@aspen/db/testing";
import { createProducer, createRedis, webhookDeliverJob, webhookDisabledNotifyJob } from "@aspen/jobs";
import type { Job } from "bullmq";
import { eq } from "drizzle-orm";
import pino from "pino";
import { Registry } from "prom-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMetrics } from "../metrics";
import { createEndpoint, createWorld } from "../testing";
import { createWebhookProcessor } from "./processor";
import { createSafeAgents } from "./send";

const sys = testSystemDb();
const redis = createRedis(process.env.REDIS_URL!);
const producer = createProducer(redis, `alerts-proc-${randomBytes(4).toString("hex")}`);
const agents = createSafeAgents({ allowLoopback: true });
const process_ = createWebhookProcessor({
  db: sys,
  producer,
  agents,
  timeoutMs: 2000,
  retryScale: 0.001,
  metrics: createMetrics(new Registry()),
  log: pino({ level: "silent" }),
});
let port = 0;
const server = createServer((req, res) => {
  req.resume();
  res.writeHead(req.url === "/gone" ? 410 : 500).end("no");
});

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.close();
  agents.http.destroy();
  await producer.close();
  redis.disconnect();
  await sys.$close();
});

async function deliveryTo(path: string, failingSince?: Date) {
  const w = await createWorld(sys, { devices: 1 });
  const ep = await createEndpoint(sys, w.tenant.id, `http://127.0.0.1:${port}${path}`);
  if (failingSince) await sys.update(webhookEndpoints).set({ failingSince }).where(eq(webhookEndpoints.id, ep.id));
  const [d] = await withSystem(sys, (tx) =>
    upsertDeliveries(tx, {
      tenantId: w.tenant.id,
      endpointIds: [ep.id],
      eventId: crypto.randomUUID(),
      eventType: "alarm.created",
      body: "{}",
    }),
  );
  const job = {
    name: webhookDeliverJob.name,
    data: { tenantId: w.tenant.id, deliveryId: d!.id, replay: 0 },
    opts: { attempts: 8 },
    attemptsMade: 0,
  } as unknown as Job;
  return { w, ep, job };
}
const endpointRow = async (id: string) => (await sys.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)))[0]!;
const notifyJobs = async (tenantId: string) =>
  (await producer.queueFor(webhookDisabledNotifyJob.queue).getJobs(["waiting", "delayed"])).filter((j) => j.data.tenantId === tenantId);

describe("webhook failures", () => {
  it("a 500 is retried (the job throws) and starts the endpoint's failure streak", async () => {
    const { ep, job } = await deliveryTo("/fail");
    await expect(process_(job)).rejects.toThrow(/answered 500/);
    expect((await endpointRow(ep.id)).failingSince).not.toBeNull();
    expect((await endpointRow(ep.id)).enabled).toBe(true);
  });

  it("410 Gone disables the endpoint at once and tells its owners", async () => {
    const { w, ep, job } = await deliveryTo("/gone");
    await expect(process_(job)).rejects.toThrow(/410/);
    expect(await endpointRow(ep.id)).toMatchObject({ enabled: false, disabledReason: "gone" });
    expect((await notifyJobs(w.tenant.id)).map((j) => j.data.reason)).toEqual(["gone"]);
  });

  it("failing for more than 3 days disables the endpoint and tells its owners", async () => {
    const { w, ep, job } = await deliveryTo("/fail", new Date(Date.now() - 3 * 86_400_000 - 60_000));
    await expect(process_(job)).rejects.toThrow(/3 days/);
    expect(await endpointRow(ep.id)).toMatchObject({ enabled: false, disabledReason: "failing" });
    expect((await notifyJobs(w.tenant.id)).map((j) => j.data.reason)).toEqual(["failing"]);
    const attempts = await sys.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, job.data.deliveryId));
    expect(attempts.map((a) => a.responseStatus)).toEqual([500]);
  });
});
