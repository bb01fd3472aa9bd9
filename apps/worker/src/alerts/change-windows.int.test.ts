import { randomBytes } from "node:crypto";
import { ingestStreamField, type IngestBatch } from "@aspen/core";
import { alarms } from "@aspen/db/schema";
import { testSystemDb } from "@aspen/db/testing";
import { createProducer, createRedis } from "@aspen/jobs";
import { eq } from "drizzle-orm";
import pino from "pino";
import { Registry } from "prom-client";
import { afterAll, describe, expect, it } from "vitest";
import { createMetrics } from "../metrics";
import { createRule, createWorld } from "../testing";
import { createWebhookEmitter } from "../webhooks/emit";
import { createIdlePairs } from "./idle-pairs";
import { createIngestHandler } from "./ingest-handler";
import { evaluateEntries } from "./process-entry";
import { createRuleCache } from "./rule-cache";
import { createStateStore, parseWindows } from "./state-store";

const sys = testSystemDb();
const redis = createRedis(process.env.REDIS_URL ?? "redis://127.0.0.1:63790");
const run = randomBytes(4).toString("hex");
const prefix = `alerts-win-${run}:`;
const producer = createProducer(redis, `alerts-win-${run}`);
const store = createStateStore(redis, prefix);
const deps = {
  db: sys,
  cache: createRuleCache(sys),
  store,
  idle: createIdlePairs(),
  producer,
  webhooks: createWebhookEmitter(sys, producer),
  metrics: createMetrics(new Registry()),
  log: pino({ level: "silent" }),
};
const handleRead = createIngestHandler(deps);

afterAll(async () => {
  await producer.close();
  redis.disconnect();
  await sys.$close();
});

const change = (delta: number, windowSeconds: number) => ({
  type: "telemetry" as const,
  combine: "all" as const,
  conditions: [{ kind: "change" as const, property: "temperature", delta, windowSeconds }],
  forSeconds: 0,
});

async function setup() {
  const w = await createWorld(sys, { devices: 1 });
  const fast = await createRule(sys, w, { name: "Jump 5 in 10 s", trigger: change(5, 10) });
  const slow = await createRule(sys, w, { name: "Jump 8 in 30 s", trigger: change(8, 30) });
  const t0 = Date.now();
  const device = w.deviceIds[0] ?? "";
  const entry = (i: number, temperature: number): [string, string[]] => {
    const batch: IngestBatch = {
      v: 1,
      batchId: `b-${run}-${i}`,
      source: "mqtt",
      committedAt: Date.now(),
      telemetry: [{ tenantId: w.tenant.id, productId: w.productId, deviceId: device, ts: t0 + i * 1000, values: { temperature } }],
      events: [],
      presence: [],
      commands: [],
    };
    return [`${t0}-${i}`, [ingestStreamField, JSON.stringify(batch)]];
  };
  const alarmsOf = async (ruleId: string) => (await sys.select().from(alarms).where(eq(alarms.ruleId, ruleId))).map((a) => a.count);
  const stored = async (key: string) => parseWindows(await redis.get(key)) as unknown;
  return { device, fast, slow, entry, alarmsOf, stored };
}

describe("change conditions on a device's shared window", () => {
  it("raise each rule by its own window and change, keeping one window per device and none per rule", async () => {
    const { device, fast, slow, entry, alarmsOf, stored } = await setup();
    await handleRead([entry(0, 20), entry(1, 21)]);
    await handleRead([entry(2, 22)]);
    // +7 within 10 s: the fast rule only.
    await handleRead([entry(3, 27)]);
    expect([await alarmsOf(fast.id), await alarmsOf(slow.id)]).toEqual([[1], []]);
    // 20 s later: the window of 10 s lost the old values, the one of 30 s has them (29 − 20 > 8).
    await handleRead([entry(23, 29)]);
    expect([await alarmsOf(fast.id), await alarmsOf(slow.id)]).toEqual([[1], [1]]);

    const windows = (await stored(store.windowsKey(device))) as { windows: Record<string, unknown> };
    expect(Object.keys(windows.windows)).toEqual(["temperature"]);
    for (const rule of [fast, slow]) {
      const own = (await stored(store.key(rule.id, device))) as { windows: object } | null;
      expect(own === null || Object.keys(own.windows).length === 0).toBe(true);
    }
  });

  it("a read processed again after a crash adds its points once and raises once", async () => {
    const { device, fast, entry, alarmsOf, stored } = await setup();
    await handleRead([entry(0, 20)]);
    // The first attempt moved the states and the window, then died before the alarm was written.
    const read = [entry(1, 21), entry(2, 30)];
    const first = await evaluateEntries(
      deps,
      read.map(([id, fields]) => ({ id, batch: JSON.parse(fields[1] ?? "") as IngestBatch })),
    );
    expect(first.pairs.find((p) => p.rule.id === fast.id)?.effects.map((e) => e.kind)).toEqual(["raise"]);
    expect(await alarmsOf(fast.id)).toEqual([]);
    await handleRead(read);
    await handleRead(read);
    expect(await alarmsOf(fast.id)).toEqual([1]);
    // The window holds each value once: 20, 21 and 30 (the rising minima), not 21 and 30 twice.
    const w = (await stored(store.windowsKey(device))) as { windows: { temperature: { lo: [number, number][] } } };
    expect(w.windows.temperature.lo.map(([, v]) => v)).toEqual([20, 21, 30]);
  });

  it("a rule reading two properties combines a point with the latest value of the other, kept per device", async () => {
    const { device, entry, alarmsOf, stored } = await setup();
    const w = await createWorld(sys, { devices: 1 });
    const cold = await createRule(sys, w, {
      name: "Cold and wet",
      trigger: {
        type: "telemetry",
        combine: "all",
        conditions: [
          { kind: "compare", property: "temperature", op: "<", value: -30 },
          { kind: "compare", property: "humidity", op: ">=", value: 90 },
        ],
        forSeconds: 0,
      },
    });
    const dev = w.deviceIds[0] ?? "";
    const read = (i: number, values: Record<string, number>): [string, string[]] => {
      const [id, fields] = entry(i, 0);
      const batch = JSON.parse(fields[1] ?? "") as IngestBatch;
      const telemetry = [{ tenantId: w.tenant.id, productId: w.productId, deviceId: dev, ts: Date.now() + i, values }];
      return [id, [ingestStreamField, JSON.stringify({ ...batch, telemetry })]];
    };
    await handleRead([read(0, { temperature: -40, humidity: 50 })]);
    await handleRead([read(1, { temperature: -41, humidity: 60 })]);
    expect(await alarmsOf(cold.id)).toEqual([]);
    await handleRead([read(2, { humidity: 95 })]);
    expect(await alarmsOf(cold.id)).toEqual([1]);
    const shared = (await stored(store.windowsKey(dev))) as { latest: Record<string, number> };
    expect(shared.latest).toEqual({ temperature: -41, humidity: 95 });
    expect(device).not.toBe(dev);
  });
});
