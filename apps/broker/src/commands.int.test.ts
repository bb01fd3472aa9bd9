import type { Database } from "@aspen/db";
import { commands, devices } from "@aspen/db/schema";
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
  redis?.disconnect();
  await db?.$close();
});

const notify = (d: TestDevice, commandId: string) =>
  redis.publish(keys.channels.command, JSON.stringify({ tenantId: d.tenantId, deviceId: d.id, commandId }));

const commandRow = async (id: string) => (await db.select().from(commands).where(eq(commands.id, id)))[0]!;

async function online(d: TestDevice) {
  const c = await connect(broker.url, { username: d.username, password: d.secret });
  clients.push(c);
  await c.subscribeAsync("v1/devices/me/rpc/request/+", { qos: 1 });
  // A command is only claimed for a device whose connection row says online (written just after CONNACK).
  await waitFor(async () => (await db.select({ online: devices.online }).from(devices).where(eq(devices.id, d.id)))[0]?.online);
  return c;
}

describe("commands", () => {
  it("reaches an online device and completes with its response", async () => {
    const d = (await createFleet(db, 1)).devices[0]!;
    const c = await online(d);
    await waitFor(async () => (await redis.exists(keys.brokerAlive(broker.brokerId))) === 1);
    // listening before the row exists: the broker may deliver it on its own sweep at once
    const request = nextMessage(c, "v1/devices/me/rpc/request/");
    const cmd = await insertCommand(db, d, { params: { delay: 5 } });
    await notify(d, cmd.id);
    const got = await request;
    expect(got.topic).toBe(`v1/devices/me/rpc/request/${cmd.requestId}`);
    expect(got.json).toEqual({ method: "reboot", params: { delay: 5 } });
    expect((await commandRow(cmd.id)).status).toBe("sent");
    await c.publishAsync(`v1/devices/me/rpc/response/${cmd.requestId}`, JSON.stringify({ ok: true }), { qos: 1 });
    const row = await commandRow(cmd.id);
    expect(row.status).toBe("succeeded");
    expect(row.response).toEqual({ ok: true });
    expect(row.sentAt).not.toBeNull();
    expect(row.completedAt).not.toBeNull();
  });

  it("fails on an error response", async () => {
    const d = (await createFleet(db, 1)).devices[0]!;
    const c = await online(d);
    // listening before the row exists: the broker may deliver it on its own sweep at once
    const request = nextMessage(c, "v1/devices/me/rpc/request/");
    const cmd = await insertCommand(db, d);
    await notify(d, cmd.id);
    await request;
    await c.publishAsync(`v1/devices/me/rpc/response/${cmd.requestId}`, JSON.stringify({ error: "busy" }), { qos: 1 });
    const row = await commandRow(cmd.id);
    expect([row.status, row.error]).toEqual(["failed", "busy"]);
  });

  it("stays queued while the device is offline and is delivered when it connects", async () => {
    const d = (await createFleet(db, 1)).devices[0]!;
    const cmd = await insertCommand(db, d, { method: "reboot", params: {} });
    await notify(d, cmd.id);
    await new Promise((r) => setTimeout(r, 300));
    expect((await commandRow(cmd.id)).status).toBe("queued");
    const c = await connect(broker.url, { username: d.username, password: d.secret });
    clients.push(c);
    const request = nextMessage(c, "v1/devices/me/rpc/request/");
    await c.subscribeAsync("v1/devices/me/rpc/request/+", { qos: 1 });
    expect((await request).topic).toBe(`v1/devices/me/rpc/request/${cmd.requestId}`);
    expect((await commandRow(cmd.id)).status).toBe("sent");
  });

  it("times out without a response", async () => {
    const d = (await createFleet(db, 1)).devices[0]!;
    const c = await online(d);
    // listening before the row exists: the broker may deliver it on its own sweep at once
    const request = nextMessage(c, "v1/devices/me/rpc/request/");
    const cmd = await insertCommand(db, d, { timeoutMs: 500 });
    await notify(d, cmd.id);
    await request;
    const row = await waitFor(async () => {
      const r = await commandRow(cmd.id);
      return r.status === "timed_out" && r;
    }, 5000);
    expect(row.error).toMatch(/no response/);
    // a late answer does not change it
    await c.publishAsync(`v1/devices/me/rpc/response/${cmd.requestId}`, JSON.stringify({ ok: true }), { qos: 1 });
    expect((await commandRow(cmd.id)).status).toBe("timed_out");
  });

  it("expires when the device does not come online before its TTL", async () => {
    const d = (await createFleet(db, 1)).devices[0]!;
    const cmd = await insertCommand(db, d, { ttlMs: 300 });
    await notify(d, cmd.id);
    await waitFor(async () => (await commandRow(cmd.id)).status === "expired", 5000);
  });
});
