import type { Database } from "@aspen/db";
import { commands, devices } from "@aspen/db/schema";
import { eq } from "drizzle-orm";
import { Redis } from "ioredis";
import mqtt, { type MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisKeys } from "./keys";
import { freePort, startTestBroker } from "./test/broker";
import { createFleet, fixtureDb, insertCommand, suffix } from "./test/fixtures";
import { closedWithin, connect, nextMessage, waitFor } from "./test/mqtt";

let db: Database;
let a: Awaited<ReturnType<typeof startTestBroker>>;
let b: Awaited<ReturnType<typeof startTestBroker>>;
let redis: Redis;
let keys: ReturnType<typeof redisKeys>;
const clients: MqttClient[] = [];

beforeAll(async () => {
  db = fixtureDb();
  const prefix = `bt-${suffix()}:`;
  a = await startTestBroker({ REDIS_PREFIX: prefix });
  b = await startTestBroker({ REDIS_PREFIX: prefix, MQTT_PORT: String(await freePort()) });
  redis = new Redis(a.vars.REDIS_URL!);
  keys = redisKeys(prefix);
});

afterAll(async () => {
  for (const c of clients) c.end(true);
  await Promise.all([a?.close(), b?.close()]);
  redis?.disconnect();
  await db?.$close();
});

const publishOn = (broker: typeof a, topic: string, payload: unknown) =>
  new Promise<void>((resolve, reject) =>
    broker.aedes.publish(
      { cmd: "publish", topic, payload: Buffer.from(JSON.stringify(payload)), qos: 1, retain: false, dup: false },
      (err) => (err ? reject(err) : resolve()),
    ),
  );

describe("two brokers sharing Redis", () => {
  it("routes a message published on broker A to a device connected to broker B (aedes' Redis emitter)", async () => {
    const d = (await createFleet(db, 1)).devices[0]!;
    const c = await connect(b.url, { username: d.username, password: d.secret });
    clients.push(c);
    await c.subscribeAsync("v1/devices/me/rpc/request/+", { qos: 1 });
    const got = nextMessage(c, "v1/devices/me/rpc/request/");
    await publishOn(a, `t/${d.tenantId}/d/${d.id}/rpc/request/99`, { method: "ping", params: {} });
    expect(await got).toEqual({ topic: "v1/devices/me/rpc/request/99", json: { method: "ping", params: {} } });
  });

  it("delivers a command created with no knowledge of which broker holds the device", async () => {
    const d = (await createFleet(db, 1)).devices[0]!;
    const c = await connect(b.url, { username: d.username, password: d.secret });
    clients.push(c);
    await c.subscribeAsync("v1/devices/me/rpc/request/+", { qos: 1 });
    // A command is only claimed for a device whose connection row says online (written just after CONNACK).
    await waitFor(async () => (await db.select({ online: devices.online }).from(devices).where(eq(devices.id, d.id)))[0]?.online);
    for (let i = 0; i < 3; i++) {
      // listening before the row exists: the broker may deliver it on its own sweep at once
      const got = nextMessage(c, "v1/devices/me/rpc/request/");
      const cmd = await insertCommand(db, d, { params: { delay: i } });
      await redis.publish(keys.channels.command, JSON.stringify({ tenantId: d.tenantId, deviceId: d.id, commandId: cmd.id }));
      expect((await got).json).toEqual({ method: "reboot", params: { delay: i } });
      await c.publishAsync(`v1/devices/me/rpc/response/${cmd.requestId}`, JSON.stringify({ ok: true }), { qos: 1 });
      const [row] = await db.select().from(commands).where(eq(commands.id, cmd.id));
      expect(row!.status).toBe("succeeded");
    }
  });

  it("keeps a QoS 1 session across a reconnect to the other broker", async () => {
    const d = (await createFleet(db, 1)).devices[0]!;
    const opts = { username: d.username, password: d.secret, clientId: `persist-${suffix()}`, clean: false };
    const c1 = await connect(a.url, opts);
    await c1.subscribeAsync("v1/devices/me/rpc/request/+", { qos: 1 });
    await c1.endAsync();
    // while the device is away, a message for it is stored in its session (Redis)
    await publishOn(a, `t/${d.tenantId}/d/${d.id}/rpc/request/5`, { method: "queued", params: {} });
    const c2 = mqtt.connect(b.url, { protocolVersion: 4, reconnectPeriod: 0, ...opts });
    clients.push(c2);
    const got = nextMessage(c2, "v1/devices/me/rpc/request/");
    const connack = await new Promise<{ sessionPresent: boolean }>((resolve) => c2.once("connect", resolve));
    expect(connack.sessionPresent).toBe(true);
    expect((await got).json).toEqual({ method: "queued", params: {} });
    // the restored subscription works without subscribing again
    const next = nextMessage(c2, "v1/devices/me/rpc/request/");
    await publishOn(a, `t/${d.tenantId}/d/${d.id}/rpc/request/6`, { method: "live", params: {} });
    expect((await next).json).toEqual({ method: "live", params: {} });
  });

  it("a connection to B takes over the same device's connection on A", async () => {
    const d = (await createFleet(db, 1)).devices[0]!;
    const c1 = await connect(a.url, { username: d.username, password: d.secret });
    clients.push(c1);
    const closed = closedWithin(c1, 5000);
    const c2 = await connect(b.url, { username: d.username, password: d.secret });
    clients.push(c2);
    expect(await closed).toBe(true);
    await waitFor(async () => c2.connected);
  });
});
