import { ingestBatchSchema, ingestStreamField, type IngestBatch } from "@aspen/core";
import type { Database } from "@aspen/db";
import { telemetry } from "@aspen/db/schema";
import { eq } from "drizzle-orm";
import { Redis } from "ioredis";
import type { MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisKeys } from "./keys";
import { startTestBroker } from "./test/broker";
import { createFleet, fixtureDb, insertCommand, type TestDevice } from "./test/fixtures";
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
  await redis?.del(keys.ingestStream);
  redis?.disconnect();
  await db?.$close();
});

async function online(): Promise<{ d: TestDevice & { productId: string }; c: MqttClient }> {
  const fleet = await createFleet(db, 1);
  const d = { ...fleet.devices[0]!, productId: fleet.productId };
  const c = await connect(broker.url, { username: d.username, password: d.secret });
  clients.push(c);
  return { d, c };
}

/** Every entry of the stream, parsed with the core schema (a parse failure fails the test). */
async function entries(): Promise<{ id: string; batch: IngestBatch }[]> {
  const raw = await redis.xrange(keys.ingestStream, "-", "+");
  return raw.map(([id, fields]) => {
    expect(fields[0]).toBe(ingestStreamField);
    return { id, batch: ingestBatchSchema.parse(JSON.parse(fields[1]!)) };
  });
}

const metric = async (name: string) => {
  const text = await (await fetch(`http://127.0.0.1:${broker.ports.http}/metrics`)).text();
  const line = text.split("\n").find((l) => l.startsWith(`${name} `));
  return Number(line?.split(" ")[1] ?? NaN);
};

describe("ingest stream", () => {
  it("gets one entry per committed batch with its telemetry, events, presence and command results", async () => {
    const { d, c } = await online();
    await waitFor(async () => (await entries()).some((e) => e.batch.presence.some((p) => p.deviceId === d.id && p.online)));
    const before = (await entries()).length;
    const t0 = Date.now() - 1000;
    // One publish with three points: one entry (a batch), never one per message or point.
    await c.publishAsync(
      "v1/devices/me/telemetry",
      JSON.stringify([0, 1, 2].map((i) => ({ ts: t0 + i, values: { temperature: 20 + i } }))),
      { qos: 1 },
    );
    await c.publishAsync("v1/devices/me/events/overheat", JSON.stringify({ temperature: 99 }), { qos: 1 });
    const all = await waitFor(async () => {
      const e = await entries();
      return e.some((x) => x.batch.events.some((ev) => ev.deviceId === d.id)) ? e : null;
    });
    const mine = all.slice(before).filter((e) => e.batch.telemetry.some((t) => t.deviceId === d.id));
    expect(mine).toHaveLength(1);
    const batch = mine[0]!.batch;
    expect(batch.source).toBe("mqtt");
    expect(batch.telemetry.map((t) => [t.ts, t.values.temperature, t.productId, t.tenantId])).toEqual(
      [0, 1, 2].map((i) => [t0 + i, 20 + i, d.productId, d.tenantId]),
    );
    const event = all.flatMap((e) => e.batch.events).find((ev) => ev.deviceId === d.id)!;
    expect([event.event, event.level, event.params]).toEqual(["overheat", "fault", { temperature: 99 }]);
    expect(new Set(all.map((e) => e.batch.batchId)).size).toBe(all.length);

    // a command result
    await c.subscribeAsync("v1/devices/me/rpc/request/+", { qos: 1 });
    // listening before the row exists: the broker may deliver it on its own sweep at once
    const request = nextMessage(c, "v1/devices/me/rpc/request/");
    const cmd = await insertCommand(db, d);
    await redis.publish(keys.channels.command, JSON.stringify({ tenantId: d.tenantId, deviceId: d.id, commandId: cmd.id }));
    await request;
    await c.publishAsync(`v1/devices/me/rpc/response/${cmd.requestId}`, JSON.stringify({ ok: true }), { qos: 1 });
    await waitFor(async () =>
      (await entries()).some((e) => e.batch.commands.some((r) => r.commandId === cmd.id && r.status === "succeeded")),
    );

    // and the disconnect
    c.end(true);
    await waitFor(async () => (await entries()).some((e) => e.batch.presence.some((p) => p.deviceId === d.id && !p.online)));
  });

  it("a failing stream write loses and un-acknowledges nothing: counted, and the data is in Postgres", async () => {
    const { d, c } = await online();
    const failuresBefore = await metric("aspen_broker_ingest_stream_failures_total");
    // A key of the wrong type makes every XADD fail (WRONGTYPE) while the rest of the pipeline works.
    await redis.del(keys.ingestStream);
    await redis.set(keys.ingestStream, "not a stream");
    try {
      await c.publishAsync("v1/devices/me/telemetry", JSON.stringify({ temperature: 30 }), { qos: 1 });
      const rows = await db.select().from(telemetry).where(eq(telemetry.deviceId, d.id));
      expect(rows.map((r) => r.valueNum)).toEqual([30]);
      await waitFor(async () => (await metric("aspen_broker_ingest_stream_failures_total")) > failuresBefore);
      // the other after-commit writes of the same pipeline still happened
      await waitFor(async () => (await redis.hget(keys.latest(d.id), "temperature")) !== null);
    } finally {
      await redis.del(keys.ingestStream);
    }
    await c.publishAsync("v1/devices/me/telemetry", JSON.stringify({ temperature: 31 }), { qos: 1 });
    await waitFor(async () =>
      (await entries()).some((e) => e.batch.telemetry.some((t) => t.deviceId === d.id && t.values.temperature === 31)),
    );
  });
});
