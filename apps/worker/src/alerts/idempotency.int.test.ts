import { randomBytes } from "node:crypto";
import { ingestStreamField, type IngestBatch } from "@aspen/core";
import { alarms, notifications, webhookDeliveries } from "@aspen/db/schema";
import { testSystemDb } from "@aspen/db/testing";
import { alarmNotifyJob, createProducer, createRedis } from "@aspen/jobs";
import { eq } from "drizzle-orm";
import pino from "pino";
import { Registry } from "prom-client";
import { afterAll, describe, expect, it } from "vitest";
import { createMetrics } from "../metrics";
import { createEndpoint, createRule, createWorld } from "../testing";
import { createWebhookEmitter } from "../webhooks/emit";
import { createIngestHandler } from "./ingest-handler";
import { evaluateEntries, evaluateEntry } from "./process-entry";
import { createRuleCache } from "./rule-cache";
import { createStateStore } from "./state-store";

const sys = testSystemDb();
const redis = createRedis(process.env.REDIS_URL!);
const run = randomBytes(4).toString("hex");
const producer = createProducer(redis, `alerts-idem-${run}`);
const store = createStateStore(redis, `alerts-idem-${run}:`);
const cache = createRuleCache(sys);
const deps = {
  db: sys,
  cache,
  store,
  producer,
  webhooks: createWebhookEmitter(sys, producer),
  metrics: createMetrics(new Registry()),
  log: pino({ level: "silent" }),
};
const handleRead = createIngestHandler(deps);
/** One read holding one entry. */
const handle = (id: string, fields: string[]) => handleRead([[id, fields]]);

afterAll(async () => {
  await producer.close();
  redis.disconnect();
  await sys.$close();
});

async function setup() {
  const w = await createWorld(sys, { devices: 1 });
  const rule = await createRule(sys, w, {
    trigger: {
      type: "telemetry",
      combine: "all",
      conditions: [{ kind: "compare", property: "temperature", op: ">", value: 30 }],
      forSeconds: 0,
    },
  });
  const ep = await createEndpoint(sys, w.tenant.id, "http://127.0.0.1:9/none");
  const batch: IngestBatch = {
    v: 1,
    batchId: `b-${run}`,
    source: "mqtt",
    committedAt: Date.now(),
    telemetry: [{ tenantId: w.tenant.id, productId: w.productId, deviceId: w.deviceIds[0]!, ts: Date.now(), values: { temperature: 50 } }],
    events: [],
    presence: [],
    commands: [],
  };
  return { w, rule, ep, fields: [ingestStreamField, JSON.stringify(batch)], batch };
}

async function counts(w: { tenant: { id: string } }, ruleId: string, endpointId: string) {
  const a = await sys.select().from(alarms).where(eq(alarms.ruleId, ruleId));
  const d = await sys.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId));
  const jobs = await producer.queueFor(alarmNotifyJob.queue).getJobs(["waiting", "delayed", "active", "completed", "failed"]);
  return { alarms: a.length, count: a[0]?.count, deliveries: d.length, jobs: jobs.filter((j) => j.data.tenantId === w.tenant.id).length };
}

describe("at-least-once delivery of stream entries", () => {
  it("the same entry processed twice creates one alarm, one notification job and one delivery, and counts once", async () => {
    const { w, rule, ep, fields } = await setup();
    const id = `${Date.now()}-1`;
    await handle(id, fields);
    await handle(id, fields);
    expect(await counts(w, rule.id, ep.id)).toEqual({ alarms: 1, count: 1, deliveries: 1, jobs: 1 });
    expect(await sys.select().from(notifications).where(eq(notifications.tenantId, w.tenant.id))).toHaveLength(0); // the job has not run here
  });

  it("a crash after the state moved but before the alarm was written still raises it when the entry comes again", async () => {
    const { w, rule, ep, fields, batch } = await setup();
    const id = `${Date.now()}-2`;
    // The first attempt got as far as the Redis state (effects stored with it), then died.
    const first = await evaluateEntry(deps, id, batch);
    expect(first.pairs[0]!.effects.map((e) => e.kind)).toEqual(["raise"]);
    expect(await counts(w, rule.id, ep.id)).toMatchObject({ alarms: 0 });
    await handle(id, fields);
    await handle(id, fields);
    expect(await counts(w, rule.id, ep.id)).toEqual({ alarms: 1, count: 1, deliveries: 1, jobs: 1 });
  });

  it("thing-model events of the rule's level raise one alarm per entry and device, further ones count as repeats", async () => {
    const { w, batch } = await setup();
    const rule = await createRule(sys, w, { name: "Faults", trigger: { type: "event", level: "warning" } });
    const ev = (event: string, level: "info" | "warning" | "fault") => ({
      tenantId: w.tenant.id,
      productId: w.productId,
      deviceId: w.deviceIds[0]!,
      ts: Date.now(),
      event,
      level,
    });
    const fields = [
      ingestStreamField,
      JSON.stringify({ ...batch, telemetry: [], events: [ev("boot", "info"), ev("overheat", "fault"), ev("door", "warning")] }),
    ];
    await handle(`${Date.now()}-7`, fields);
    await handle(`${Date.now() + 1}-7`, [ingestStreamField, JSON.stringify({ ...batch, telemetry: [], events: [ev("boot", "info")] })]);
    const rows = await sys.select().from(alarms).where(eq(alarms.ruleId, rule.id));
    // The alarm keeps the latest matching values (the repeat), and counts both.
    expect(rows.map((r) => [r.count, r.values.event])).toEqual([[2, "door"]]);
  });

  it("presence, command results and opt-in telemetry become webhook deliveries, once per entry", async () => {
    const { w, batch } = await setup();
    const all = await createEndpoint(sys, w.tenant.id, "http://127.0.0.1:9/all", []);
    const tel = await createEndpoint(sys, w.tenant.id, "http://127.0.0.1:9/tel", ["telemetry.received"]);
    deps.webhooks.invalidate();
    const dev = w.deviceIds[0]!;
    const entry = {
      ...batch,
      presence: [{ tenantId: w.tenant.id, productId: w.productId, deviceId: dev, ts: Date.now(), online: true }],
      commands: [{ tenantId: w.tenant.id, deviceId: dev, commandId: crypto.randomUUID(), ts: Date.now(), status: "timed_out" as const }],
    };
    const id = `${Date.now()}-9`;
    await handle(id, [ingestStreamField, JSON.stringify(entry)]);
    await handle(id, [ingestStreamField, JSON.stringify(entry)]);
    const types = async (endpointId: string) =>
      (await sys.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId))).map((d) => d.eventType).sort();
    // No types = everything except the opt-in telemetry.received (the rule's alarm is delivered too).
    expect(await types(all.id)).toEqual(["alarm.created", "command.timed_out", "device.online"]);
    expect(await types(tel.id)).toEqual(["telemetry.received"]);
  });

  it("entries read again in other groupings after a crash change nothing: one alarm, counted once per point", async () => {
    const { w, rule, ep, batch } = await setup();
    const t0 = Date.now();
    // Five entries of one value above the threshold each: one raise, then four repeats.
    const read = Array.from({ length: 5 }, (_, i): [string, string[]] => {
      const telemetry = batch.telemetry.map((p) => ({ ...p, ts: t0 + i }));
      return [`${t0}-${i}`, [ingestStreamField, JSON.stringify({ ...batch, batchId: `${batch.batchId}-${i}`, telemetry })]];
    });
    // The first attempt read 0..2 together, moved the state, and died before writing anything.
    const first = await evaluateEntries(
      deps,
      read.slice(0, 3).map(([id, fields]) => ({ id, batch: JSON.parse(fields[1] ?? "") as IngestBatch })),
    );
    expect(first.pairs[0]?.effects.map((e) => e.kind)).toEqual(["raise", "repeat", "repeat"]);
    // After the restart they come again one by one, then all five together, then 3..4 once more.
    for (const r of read.slice(0, 3)) await handleRead([r]);
    await handleRead(read);
    await handleRead(read.slice(3));
    expect(await counts(w, rule.id, ep.id)).toEqual({ alarms: 1, count: 5, deliveries: 1, jobs: 1 });
  });

  it("an older entry after a newer one is skipped for that pair", async () => {
    const { w, rule, ep, fields } = await setup();
    await handle(`${Date.now() + 5000}-0`, fields);
    await handle(`${Date.now() - 5000}-0`, fields);
    expect(await counts(w, rule.id, ep.id)).toEqual({ alarms: 1, count: 1, deliveries: 1, jobs: 1 });
  });
});
