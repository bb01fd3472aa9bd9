import type { Database } from "@aspen/db";
import { deviceErrors, deviceEvents, devices, telemetry } from "@aspen/db/schema";
import { and, asc, eq } from "drizzle-orm";
import { Redis } from "ioredis";
import type { MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisKeys } from "./keys";
import { startTestBroker } from "./test/broker";
import { createFleet, fixtureDb, type TestDevice } from "./test/fixtures";
import { connect, nextMessage, waitFor } from "./test/mqtt";

let db: Database;
let broker: Awaited<ReturnType<typeof startTestBroker>>;
let redis: Redis;
let keys: ReturnType<typeof redisKeys>;
const clients: MqttClient[] = [];

beforeAll(async () => {
  db = fixtureDb();
  broker = await startTestBroker();
  redis = new Redis(broker.vars.REDIS_URL!);
  keys = redisKeys(broker.vars.REDIS_PREFIX);
});

afterAll(async () => {
  for (const c of clients) c.end(true);
  await broker?.close();
  redis?.disconnect();
  await db?.$close();
});

async function device(opts: { unknownKeys?: "reject" | "keep" } = {}): Promise<{ d: TestDevice; c: MqttClient }> {
  const d = (await createFleet(db, 1, opts)).devices[0]!;
  const c = await connect(broker.url, { username: d.username, password: d.secret });
  clients.push(c);
  return { d, c };
}

const rowsOf = (deviceId: string) =>
  db.select().from(telemetry).where(eq(telemetry.deviceId, deviceId)).orderBy(asc(telemetry.ts), asc(telemetry.key));

describe("telemetry", () => {
  it("is in Postgres when the QoS 1 PUBACK arrives", async () => {
    const { d, c } = await device();
    await c.publishAsync("v1/devices/me/telemetry", JSON.stringify({ temperature: 21.5, humidity: 40, mode: "heat" }), { qos: 1 });
    // no waiting: the PUBACK itself means durable
    const rows = await rowsOf(d.id);
    expect(rows.map((r) => [r.key, r.valueNum ?? r.valueStr])).toEqual([
      ["humidity", 40],
      ["mode", "heat"],
      ["temperature", 21.5],
    ]);
    expect(rows[0]!.tenantId).toBe(d.tenantId);
  });

  it("accepts {ts, values} and arrays, one row per key and timestamp, idempotent on redelivery", async () => {
    const { d, c } = await device();
    const t0 = Date.now() - 60_000;
    const payload = JSON.stringify([
      { ts: t0, values: { temperature: 20 } },
      { ts: t0 + 1000, values: { temperature: 20.5, humidity: 41 } },
    ]);
    await c.publishAsync("v1/devices/me/telemetry", payload, { qos: 1 });
    await c.publishAsync("v1/devices/me/telemetry", payload, { qos: 1 });
    // a stored point next to a new one in the same message: the new one is kept, the old one skipped
    await c.publishAsync(
      "v1/devices/me/telemetry",
      JSON.stringify([
        { ts: t0, values: { temperature: 99 } },
        { ts: t0 + 2000, values: { temperature: 21 } },
      ]),
      {
        qos: 1,
      },
    );
    const rows = await rowsOf(d.id);
    expect(rows.map((r) => [r.ts.getTime() - t0, r.key, r.valueNum])).toEqual([
      [0, "temperature", 20],
      [1000, "humidity", 41],
      [1000, "temperature", 20.5],
      [2000, "temperature", 21],
    ]);
  });

  it("keeps the good keys of a message and records the bad ones with a reason", async () => {
    const { d, c } = await device();
    await c.publishAsync("v1/devices/me/telemetry", JSON.stringify({ temperature: 500, humidity: 30, bogus: 1, mode: "warp" }), { qos: 1 });
    expect((await rowsOf(d.id)).map((r) => r.key)).toEqual(["humidity"]);
    const errors = await waitFor(async () => {
      const rows = await db.select().from(deviceErrors).where(eq(deviceErrors.deviceId, d.id));
      return rows.length > 0 && rows;
    });
    expect(errors[0]!.kind).toBe("validation");
    expect(errors[0]!.reason).toMatch(/temperature: must be ≤ 125/);
    expect(errors[0]!.reason).toMatch(/bogus: unknown key/);
    expect(errors[0]!.reason).toMatch(/mode: must be one of/);
  });

  it("keeps unknown keys when the product says so", async () => {
    const { d, c } = await device({ unknownKeys: "keep" });
    await c.publishAsync("v1/devices/me/telemetry", JSON.stringify({ temperature: 1, extra: "x", flag: true }), { qos: 1 });
    expect((await rowsOf(d.id)).map((r) => [r.key, r.valueNum ?? r.valueStr ?? r.valueBool])).toEqual([
      ["extra", "x"],
      ["flag", true],
      ["temperature", 1],
    ]);
  });

  it("rejects malformed JSON, future timestamps, NUL characters and oversized payloads without closing the connection", async () => {
    const { d, c } = await device();
    await c.publishAsync("v1/devices/me/telemetry", "{not json", { qos: 1 });
    await c.publishAsync("v1/devices/me/telemetry", JSON.stringify({ ts: Date.now() + 3_600_000, values: { temperature: 1 } }), { qos: 1 });
    await c.publishAsync("v1/devices/me/telemetry", JSON.stringify({ label: "a\u0000b" }), { qos: 1 });
    await c.publishAsync("v1/devices/me/telemetry", JSON.stringify({ label: "x".repeat(70_000) }), { qos: 1 });
    await c.publishAsync("v1/devices/me/telemetry", JSON.stringify({ temperature: 2 }), { qos: 1 });
    expect(c.connected).toBe(true);
    expect((await rowsOf(d.id)).map((r) => r.valueNum)).toEqual([2]);
    const errors = await waitFor(async () => {
      const rows = await db.select().from(deviceErrors).where(eq(deviceErrors.deviceId, d.id));
      return rows.length >= 4 && rows;
    });
    const kinds = errors.map((e) => e.kind).sort();
    expect(kinds).toEqual(["oversized", "payload", "payload", "validation"]);
    // Rows come back in no particular order: each refusal is named, whatever the order.
    const reasons = errors.map((e) => e.reason).join("\n");
    for (const want of [/malformed JSON/, /in the future/, /NUL character/, /exceeds the limit/]) expect(reasons).toMatch(want);
  });

  it("keeps latest values in Redis and on the device row, counts messages and usage", async () => {
    const { d, c } = await device();
    const ts = Date.now() - 5000;
    await c.publishAsync("v1/devices/me/telemetry", JSON.stringify({ ts, values: { temperature: 19 } }), { qos: 1 });
    await c.publishAsync("v1/devices/me/telemetry", JSON.stringify({ ts: ts - 10_000, values: { temperature: 5 } }), { qos: 1 });
    const latest = await waitFor(async () => {
      const h = await redis.hgetall(keys.latest(d.id));
      return h.temperature ? h : undefined;
    });
    expect(JSON.parse(latest.temperature!).ts).toBeGreaterThanOrEqual(ts - 10_000);
    const row = await waitFor(async () => {
      const [r] = await db.select().from(devices).where(eq(devices.id, d.id));
      return r && r.messageCount >= 2 && r;
    }, 5000);
    // the older, backfilled value does not replace the newer one on the device row
    expect(row.latest.temperature).toEqual({ ts, value: 19 });
    expect(row.lastSeenAt).not.toBeNull();
    const day = new Date().toISOString().slice(0, 10).replaceAll("-", "");
    const usage = await redis.hgetall(keys.usage(d.tenantId, day));
    expect(Number(usage.messages)).toBe(2);
    expect(Number(usage.points)).toBe(2);
    expect(await redis.sismember(keys.usageTenants(day), d.tenantId)).toBe(1);
  });

  it("publishes live updates on the tenant's channel", async () => {
    const { d, c } = await device();
    const sub = new Redis(broker.vars.REDIS_URL!);
    await sub.subscribe(keys.live(d.tenantId));
    const got = new Promise<unknown[]>((resolve) =>
      sub.on("message", (_ch, msg: string) => {
        const list = JSON.parse(msg) as { type: string }[];
        if (list.some((m) => m.type === "telemetry")) resolve(list);
      }),
    );
    await c.publishAsync("v1/devices/me/telemetry", JSON.stringify({ temperature: 23 }), { qos: 0 });
    expect(await got).toEqual([expect.objectContaining({ type: "telemetry", deviceId: d.id, values: { temperature: 23 } })]);
    sub.disconnect();
  });
});

describe("events and attributes", () => {
  it("stores thing-model events, refuses undeclared ones", async () => {
    const { d, c } = await device();
    const ts = Date.now() - 1000;
    await c.publishAsync("v1/devices/me/events/overheat", JSON.stringify({ ts, params: { temperature: 99 } }), { qos: 1 });
    await c.publishAsync("v1/devices/me/events/overheat", JSON.stringify({ ts, params: { temperature: 99 } }), { qos: 1 });
    await c.publishAsync("v1/devices/me/events/explode", JSON.stringify({}), { qos: 1 });
    const rows = await db.select().from(deviceEvents).where(eq(deviceEvents.deviceId, d.id));
    expect(rows.map((r) => [r.event, r.level, r.params, r.ts.getTime()])).toEqual([["overheat", "fault", { temperature: 99 }, ts]]);
  });

  it("merges reported attributes into the shadow with a version and answers attribute requests", async () => {
    const { d, c } = await device();
    await db
      .update(devices)
      .set({ desired: { target: 22, mode: "heat" } })
      .where(eq(devices.id, d.id));
    await c.publishAsync("v1/devices/me/attributes", JSON.stringify({ mode: "off", label: "kitchen" }), { qos: 1 });
    await c.publishAsync("v1/devices/me/attributes", JSON.stringify({ mode: "cool" }), { qos: 1 });
    const [row] = await db.select().from(devices).where(eq(devices.id, d.id));
    expect(row!.reported).toEqual({ mode: "cool", label: "kitchen" });
    expect(row!.shadowVersion).toBe(2);
    await c.subscribeAsync("v1/devices/me/attributes/response/+", { qos: 1 });
    const answer = nextMessage(c, "v1/devices/me/attributes/response/7");
    await c.publishAsync("v1/devices/me/attributes/request/7", JSON.stringify({ clientKeys: "label", sharedKeys: "target,nope" }), {
      qos: 1,
    });
    expect((await answer).json).toEqual({ client: { label: "kitchen" }, shared: { target: 22 } });
  });

  it("pushes desired attributes on subscribe and when they change", async () => {
    const { d, c } = await device();
    await db
      .update(devices)
      .set({ desired: { target: 21 } })
      .where(eq(devices.id, d.id));
    const first = nextMessage(c, "v1/devices/me/attributes");
    await c.subscribeAsync("v1/devices/me/attributes", { qos: 1 });
    expect((await first).json).toEqual({ target: 21 });
    await db
      .update(devices)
      .set({ desired: { target: 23, mode: "cool" } })
      .where(and(eq(devices.id, d.id)));
    const second = nextMessage(c, "v1/devices/me/attributes");
    await redis.publish(keys.channels.deviceDesired, JSON.stringify({ tenantId: d.tenantId, deviceId: d.id }));
    expect((await second).json).toEqual({ target: 23, mode: "cool" });
  });
});
