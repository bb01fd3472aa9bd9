import { randomBytes } from "node:crypto";
import { alertRulesChangedChannel } from "@aspen/core";
import { alarms, notifications, webhookAttempts, webhookDeliveries } from "@aspen/db/schema";
import { createRedis, createProducer, webhookDeliverJob } from "@aspen/jobs";
import { testSystemDb } from "@aspen/db/testing";
import { upsertDeliveries, withSystem } from "@aspen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEndpoint, createRule, createWorld, freePort, startReceiver, startSmtp, startWorker, waitFor, xaddBatch } from "../testing";

const sys = testSystemDb();
const redis = createRedis(process.env.REDIS_URL!);
const run = randomBytes(4).toString("hex");
const prefix = `alerts-it-${run}:`;
const bull = `alerts-it-${run}`;
const secrets = new Map<string, string>();
const failTwice = new Map<string, number>();
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let worker: ReturnType<typeof startWorker>;

const workerEnv = async () => ({
  REDIS_PREFIX: prefix,
  BULLMQ_PREFIX: bull,
  WORKER_HTTP_PORT: String(await freePort()),
  SMTP_URL: smtp.url,
  WEBHOOK_ALLOW_LOOPBACK: "true",
  WEBHOOK_RETRY_SCALE: "0.0002",
  ALERTS_CONSUMER: "alerts-it",
  ALERTS_CLAIM_IDLE_MS: "1000",
  ALERTS_OFFLINE_SCAN_MS: "600000",
  // a job of the SIGKILLed worker runs again within seconds, not after BullMQ's default 30-60 s
  JOB_LOCK_MS: "2000",
});

beforeAll(async () => {
  smtp = await startSmtp();
  receiver = await startReceiver(
    (p) => secrets.get(p),
    (p, n) => (p.startsWith("/flaky") && n <= 2 ? 500 : 200),
  );
  worker = startWorker(await workerEnv());
  await worker.ready();
}, 40_000);

afterAll(async () => {
  worker?.child.kill("SIGTERM");
  await worker?.exited;
  await receiver?.close();
  await smtp?.close();
  await redis.del(`${prefix}aspen:stream:ingest`);
  redis.disconnect();
  await sys.$close();
});

const mailsTo = (email: string) => smtp.mails.filter((m) => m.to === email);

describe("rule changes take effect within 5 s", () => {
  it("a rule saved while the worker has the product cached raises on the data after it, within 5 s without a change message and at once with one", async () => {
    const w = await createWorld(sys, { devices: 1 });
    const dev = w.deviceIds[0]!;
    const hot = () =>
      xaddBatch(redis, prefix, [
        { tenantId: w.tenant.id, productId: w.productId, deviceId: dev, ts: Date.now(), values: { temperature: 40 } },
      ]);
    await hot(); // cached: no rules for this product
    await new Promise((r) => setTimeout(r, 300));
    const saved = Date.now();
    const rule = await createRule(sys, w, {
      trigger: {
        type: "telemetry",
        combine: "all",
        conditions: [{ kind: "compare", property: "temperature", op: ">", value: 30 }],
        forSeconds: 0,
      },
    });
    await waitFor(
      "an alarm from the new rule",
      async () => {
        await hot();
        return (await sys.select().from(alarms).where(eq(alarms.ruleId, rule.id))).length > 0;
      },
      8000,
    );
    expect(Date.now() - saved).toBeLessThan(5000);

    // With the web app's change message the next entry already sees the rule.
    const second = await createRule(sys, w, {
      name: "Hot 2",
      trigger: {
        type: "telemetry",
        combine: "all",
        conditions: [{ kind: "compare", property: "temperature", op: ">", value: 35 }],
        forSeconds: 0,
      },
    });
    await redis.publish(alertRulesChangedChannel(prefix), JSON.stringify({ tenantId: w.tenant.id, productId: w.productId }));
    await new Promise((r) => setTimeout(r, 100));
    const published = Date.now();
    await hot();
    await waitFor(
      "an alarm from the second rule",
      async () => (await sys.select().from(alarms).where(eq(alarms.ruleId, second.id))).length > 0,
      5000,
    );
    expect(Date.now() - published).toBeLessThan(2000);
  });
});

describe("an alert rule end to end (ingest stream → alarm → email + webhook)", () => {
  it("values above the threshold for the duration raise exactly one alarm, one email and one verified webhook", async () => {
    const w = await createWorld(sys, { devices: 1 });
    const ep = await createEndpoint(sys, w.tenant.id, receiver.url(`/hook-${w.tenant.id}`));
    secrets.set(`/hook-${w.tenant.id}`, ep.secret);
    const rule = await createRule(sys, w);
    const dev = w.deviceIds[0]!;
    const t0 = Date.now() - 60_000;
    const point = (dt: number, temperature: number) => ({
      tenantId: w.tenant.id,
      productId: w.productId,
      deviceId: dev,
      ts: t0 + dt,
      values: { temperature },
    });
    await xaddBatch(redis, prefix, [point(0, 25)]);
    await xaddBatch(redis, prefix, [point(1000, 31), point(3000, 33)]);
    await xaddBatch(redis, prefix, [point(6000, 34)]); // 5 s above 30: raise
    await xaddBatch(redis, prefix, [point(7000, 35), point(8000, 36)]); // repeats
    const rows = await waitFor("the alarm", async () => {
      const r = await sys.select().from(alarms).where(eq(alarms.ruleId, rule.id));
      return r.length && r[0]!.count >= 3 ? r : undefined;
    });
    await waitFor("the email", () => mailsTo(w.owner.email).length > 0);
    await waitFor("the webhook", () => (receiver.got.get(`/hook-${w.tenant.id}`)?.length ?? 0) > 0);
    await new Promise((r) => setTimeout(r, 1500)); // anything extra would arrive by now
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "active", severity: "critical", count: 3 });
    expect(rows[0]!.firstSeenAt.getTime()).toBe(t0 + 6000);
    expect(mailsTo(w.owner.email)).toHaveLength(1);
    expect(mailsTo(w.owner.email)[0]!.raw).toContain("Alarm: Hot");
    expect(mailsTo(w.owner.email)[0]!.raw).toContain(`/t/${w.tenant.slug}/alarms/alm_`);
    const hooks = receiver.got.get(`/hook-${w.tenant.id}`)!;
    expect(hooks).toHaveLength(1);
    expect(hooks[0]!.verified).toBe(true);
    expect(JSON.parse(hooks[0]!.body)).toMatchObject({
      type: "alarm.created",
      data: { ruleName: "Hot", severity: "critical", values: { temperature: 34 } },
    });
    const inApp = await sys.select().from(notifications).where(eq(notifications.userId, w.owner.id));
    expect(inApp).toHaveLength(1);
    expect(inApp[0]).toMatchObject({ kind: "alarm", emailStatus: "sent", readAt: null });
  });

  it("a receiver answering 500 twice then 200 gets the delivery on the third attempt with the same webhook-id, and the log shows three attempts", async () => {
    const w = await createWorld(sys, { devices: 1 });
    const path = `/flaky-${w.tenant.id}`;
    const ep = await createEndpoint(sys, w.tenant.id, receiver.url(path));
    secrets.set(path, ep.secret);
    const [d] = await withSystem(sys, (tx) =>
      upsertDeliveries(tx, {
        tenantId: w.tenant.id,
        endpointIds: [ep.id],
        eventId: crypto.randomUUID(),
        eventType: "webhook.test",
        body: '{"type":"webhook.test","timestamp":"2026-01-01T00:00:00Z","data":{}}',
      }),
    );
    const producer = createProducer(redis, bull);
    await producer.enqueue(webhookDeliverJob, { tenantId: w.tenant.id, deliveryId: d!.id });
    await producer.close();
    const delivery = await waitFor("delivered", async () => {
      const [row] = await sys.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, d!.id));
      return row?.status === "delivered" ? row : undefined;
    });
    const got = receiver.got.get(path)!;
    expect(got).toHaveLength(3);
    expect(new Set(got.map((g) => g.id)).size).toBe(1);
    expect(got.every((g) => g.verified)).toBe(true);
    expect(delivery.attempts).toBe(3);
    const attempts = await sys.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, d!.id));
    expect(attempts.map((a) => a.responseStatus).sort()).toEqual([200, 500, 500]);
    expect(attempts.every((a) => a.requestHeaders["webhook-id"] === got[0]!.id && a.requestBody.includes("webhook.test"))).toBe(true);
  });

  it("a worker killed with SIGKILL mid-stream leaves, after restart, one alarm per device and one webhook id and email per alarm (at least once)", async () => {
    const n = 60;
    const w = await createWorld(sys, { devices: n });
    const path = `/kill-${w.tenant.id}`;
    const ep = await createEndpoint(sys, w.tenant.id, receiver.url(path));
    secrets.set(path, ep.secret);
    const rule = await createRule(sys, w, {
      trigger: {
        type: "telemetry",
        combine: "all",
        conditions: [{ kind: "compare", property: "temperature", op: ">", value: 30 }],
        forSeconds: 0,
      },
    });
    const ts = Date.now();
    for (const [i, dev] of w.deviceIds.entries()) {
      // Two entries per device: the second repeats the alarm (count 2).
      await xaddBatch(redis, prefix, [
        { tenantId: w.tenant.id, productId: w.productId, deviceId: dev, ts: ts + i, values: { temperature: 40 } },
      ]);
    }
    for (const [i, dev] of w.deviceIds.entries()) {
      await xaddBatch(redis, prefix, [
        { tenantId: w.tenant.id, productId: w.productId, deviceId: dev, ts: ts + 1000 + i, values: { temperature: 41 } },
      ]);
    }
    await waitFor("some alarms", async () => (await sys.select().from(alarms).where(eq(alarms.ruleId, rule.id))).length >= 3, 30_000);
    worker.child.kill("SIGKILL");
    await worker.exited;
    // Killed before the stream was done: some devices had no repeat yet.
    const atKill = await sys.select().from(alarms).where(eq(alarms.ruleId, rule.id));
    expect(atKill.filter((a) => a.count === 2).length).toBeLessThan(n);
    worker = startWorker(await workerEnv());
    await worker.ready();
    const rows = await waitFor(
      "every alarm and repeat",
      async () => {
        const r = await sys.select().from(alarms).where(eq(alarms.ruleId, rule.id));
        return r.length === n && r.every((a) => a.count === 2) ? r : undefined;
      },
      60_000,
    ).catch(async (e: Error) => {
      throw new Error(`${e.message}\n${worker.state.out.slice(-3000)}`);
    });
    const alarmIdsIn = (mails: { raw: string }[]) =>
      new Set(mails.flatMap((m) => [...m.raw.matchAll(/\/alarms\/(alm_[A-Za-z0-9]+)/g)].map((x) => x[1])));
    await waitFor("every webhook", () => new Set(receiver.got.get(path)?.map((h) => h.id)).size >= n, 30_000);
    await waitFor("every email", () => alarmIdsIn(mailsTo(w.owner.email)).size >= n, 30_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(rows).toHaveLength(n);
    // At least once: a job the kill interrupted after its POST or its SMTP send runs again, so a webhook
    // may arrive twice, always with the same webhook-id, and an email twice for the same alarm; one event
    // and one email per alarm otherwise.
    const hooks = receiver.got.get(path)!;
    expect(new Set(hooks.map((h) => h.id)).size).toBe(n);
    expect(new Set(hooks.map((h) => (JSON.parse(h.body) as { data: { id: string } }).data.id)).size).toBe(n);
    expect(alarmIdsIn(mailsTo(w.owner.email)).size).toBe(n);
    console.log(
      `worker SIGKILL (ingest stream): ${n} alarms, ${hooks.length} webhook deliveries of ${n} ids, ${mailsTo(w.owner.email).length} emails for ${n} alarms`,
    );
  }, 180_000);
});
