import type { Database } from "@aspen/db";
import { deviceErrors, devices, tenants } from "@aspen/db/schema";
import { hashSecret, generateSecret } from "@aspen/core";
import { and, eq } from "drizzle-orm";
import { Redis } from "ioredis";
import type { MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisKeys } from "./keys";
import { startTestBroker } from "./test/broker";
import { createDevice, createFleet, createProduct, createTenant, fixtureDb, type TestDevice } from "./test/fixtures";
import { closedWithin, connect, nextMessage, rawExchange, tryConnect, waitFor } from "./test/mqtt";

let db: Database;
let broker: Awaited<ReturnType<typeof startTestBroker>>;
let redis: Redis;
const clients: MqttClient[] = [];
const track = <T extends MqttClient>(c: T) => (clients.push(c), c);

beforeAll(async () => {
  db = fixtureDb();
  broker = await startTestBroker();
  redis = new Redis(broker.vars.REDIS_URL!);
});

afterAll(async () => {
  for (const c of clients) c.end(true);
  await broker?.close();
  redis?.disconnect();
  await db?.$close();
});

async function lastErrors(deviceId: string) {
  return db.select().from(deviceErrors).where(eq(deviceErrors.deviceId, deviceId));
}

describe("connect: refusals with CONNACK codes", () => {
  let good: TestDevice;
  let disabled: TestDevice;
  let suspendedDevice: TestDevice;

  beforeAll(async () => {
    const fleet = await createFleet(db, 1);
    good = fleet.devices[0]!;
    disabled = await createDevice(db, fleet.tenant, fleet.productId, { enabled: false });
    const suspended = await createTenant(db, { status: "suspended" });
    suspendedDevice = await createDevice(db, suspended, await createProduct(db, suspended.id));
  });

  it("accepts <tenant>/<device> + secret, and the secret alone as an access token", async () => {
    const a = await tryConnect(broker.url, { username: good.username, password: good.secret });
    expect(a.code).toBe(0);
    if ("client" in a) a.client.end(true);
    const b = await tryConnect(broker.url, { username: good.secret });
    expect(b.code).toBe(0);
    if ("client" in b) b.client.end(true);
  });

  it("refuses a wrong secret with 4 and records it on the device", async () => {
    const r = await tryConnect(broker.url, { username: good.username, password: "not-the-secret" });
    expect(r.code).toBe(4);
    const errors = await waitFor(async () => {
      const rows = await lastErrors(good.id);
      return rows.some((e) => e.kind === "auth") && rows;
    });
    expect(errors.find((e) => e.kind === "auth")!.reason).toContain("wrong secret");
  });

  it("refuses an unknown device, an unknown token and a missing username with 4", async () => {
    expect((await tryConnect(broker.url, { username: `${good.username}-nope`, password: good.secret })).code).toBe(4);
    expect((await tryConnect(broker.url, { username: generateSecret() })).code).toBe(4);
    expect((await tryConnect(broker.url, {})).code).toBe(4);
  });

  it("refuses a disabled device with 5", async () => {
    expect((await tryConnect(broker.url, { username: disabled.username, password: disabled.secret })).code).toBe(5);
    await waitFor(async () => (await lastErrors(disabled.id)).some((e) => e.reason.includes("device disabled")));
  });

  it("refuses a device of a suspended tenant with 5", async () => {
    expect((await tryConnect(broker.url, { username: suspendedDevice.username, password: suspendedDevice.secret })).code).toBe(5);
  });

  it("refuses an empty client id without a clean session with 2", async () => {
    // mqtt.js will not send this; speak raw MQTT.
    const str = (s: string) => {
      const b = Buffer.from(s);
      return Buffer.concat([Buffer.from([b.length >> 8, b.length & 0xff]), b]);
    };
    // protocol "MQTT" level 4, flags: username + password, clean session off; keepalive 30; empty client id
    const body = Buffer.concat([str("MQTT"), Buffer.from([4, 0xc0, 0, 30]), str(""), str(good.username), str(good.secret)]);
    const connectPacket = Buffer.concat([Buffer.from([0x10, body.length]), body]);
    expect(await rawExchange(broker.ports.mqtt, connectPacket)).toMatchObject({ cmd: "connack", returnCode: 2 });
  });
});

describe("topic ACL", () => {
  let a: TestDevice;
  let other: TestDevice;
  let client: MqttClient;

  beforeAll(async () => {
    a = (await createFleet(db, 1)).devices[0]!;
    other = (await createFleet(db, 1)).devices[0]!;
    client = track(await connect(broker.url, { username: a.username, password: a.secret }));
  });

  it("grants the device's own downward topics", async () => {
    const granted = await client.subscribeAsync(
      ["v1/devices/me/rpc/request/+", "v1/devices/me/attributes", "v1/devices/me/attributes/response/+"],
      { qos: 1 },
    );
    expect(granted.map((g) => g.qos)).toEqual([1, 1, 1]);
  });

  for (const filter of [
    "#",
    "+/devices/me/telemetry",
    "$SYS/#",
    "v1/devices/me/telemetry",
    "v1/devices/+/rpc/request/+",
    "v1/devices/me/#",
  ]) {
    it(`refuses subscribing to ${filter}`, async () => {
      await expect(client.subscribeAsync(filter, { qos: 0 })).rejects.toThrow();
      expect(client.connected).toBe(true);
    });
  }

  it("refuses another tenant's internal topic, even spelled out", async () => {
    await expect(client.subscribeAsync(`t/${other.tenantId}/d/${other.id}/rpc/request/+`, { qos: 1 })).rejects.toThrow();
  });

  for (const topic of ["v1/devices/other/telemetry", "$SYS/foo", "v1/devices/me/rpc/request/1", "anything"]) {
    it(`closes the connection on a publish to ${topic}`, async () => {
      const c = await connect(broker.url, { username: a.username, password: a.secret });
      c.publish(topic, "{}", { qos: 0 });
      expect(await closedWithin(c, 3000)).toBe(true);
      c.end(true);
    });
  }

  it("records the refusals on the device", async () => {
    await waitFor(async () => (await lastErrors(a.id)).filter((e) => e.kind === "acl").length >= 3);
  });
});

describe("sessions are bound to the device", () => {
  it("another tenant's device using the same client id neither takes over nor resumes the session", async () => {
    const [x, y] = [(await createFleet(db, 1)).devices[0]!, (await createFleet(db, 1)).devices[0]!];
    const clientId = `shared-${Date.now()}`;
    const cx = track(await connect(broker.url, { username: x.username, password: x.secret, clientId, clean: false }));
    await cx.subscribeAsync("v1/devices/me/rpc/request/+", { qos: 1 });
    const cy = track(await connect(broker.url, { username: y.username, password: y.secret, clientId, clean: false }));
    expect(await closedWithin(cx, 1000)).toBe(false);
    expect(cx.connected && cy.connected).toBe(true);
    // y did not inherit x's subscription: a command for x goes to x only.
    const got: string[] = [];
    cy.on("message", (t) => got.push(t));
    const msg = nextMessage(cx, "v1/devices/me/rpc/request/");
    await new Promise<void>((resolve, reject) =>
      broker.aedes.publish(
        {
          cmd: "publish",
          topic: `t/${x.tenantId}/d/${x.id}/rpc/request/1`,
          payload: Buffer.from('{"method":"ping"}'),
          qos: 1,
          retain: false,
          dup: false,
        },
        (err) => (err ? reject(err) : resolve()),
      ),
    );
    expect((await msg).json).toEqual({ method: "ping" });
    await new Promise((r) => setTimeout(r, 200));
    expect(got).toEqual([]);
  });

  it("a second connection of the same device takes over the first, whatever its client id", async () => {
    const d = (await createFleet(db, 1)).devices[0]!;
    const first = track(await connect(broker.url, { username: d.username, password: d.secret, clientId: "one" }));
    const closed = closedWithin(first, 3000);
    track(await connect(broker.url, { username: d.username, password: d.secret, clientId: "two" }));
    expect(await closed).toBe(true);
  });
});

describe("revocation", () => {
  it("closes the live connection at once and refuses the old secret after a rotation", async () => {
    const fleet = await createFleet(db, 1);
    const d = fleet.devices[0]!;
    const c = track(await connect(broker.url, { username: d.username, password: d.secret }));
    // what the web app does on "rotate secret"
    const newSecret = generateSecret();
    await db
      .update(devices)
      .set({ secretHash: hashSecret(newSecret) })
      .where(eq(devices.id, d.id));
    const closed = closedWithin(c, 3000);
    const channel = redisKeys(broker.vars.REDIS_PREFIX).channels.deviceRevoked;
    await redis.publish(channel, JSON.stringify({ tenantId: d.tenantId, deviceId: d.id, reason: "secret_rotated" }));
    expect(await closed).toBe(true);
    expect((await tryConnect(broker.url, { username: d.username, password: d.secret })).code).toBe(4);
    expect((await tryConnect(broker.url, { username: d.secret })).code).toBe(4);
    const ok = await tryConnect(broker.url, { username: d.username, password: newSecret });
    expect(ok.code).toBe(0);
    if ("client" in ok) ok.client.end(true);
  });

  it("a suspended tenant's devices are disconnected", async () => {
    const fleet = await createFleet(db, 2);
    const cs = await Promise.all(
      fleet.devices.map(async (d) => track(await connect(broker.url, { username: d.username, password: d.secret }))),
    );
    // warm the credential cache, then suspend
    await db
      .update(tenants)
      .set({ status: "suspended" })
      .where(and(eq(tenants.id, fleet.tenant.id)));
    const closed = Promise.all(cs.map((c) => closedWithin(c, 3000)));
    await redis.publish(redisKeys(broker.vars.REDIS_PREFIX).channels.tenantChanged, JSON.stringify({ tenantId: fleet.tenant.id }));
    expect(await closed).toEqual([true, true]);
    const d = fleet.devices[0]!;
    expect((await tryConnect(broker.url, { username: d.username, password: d.secret })).code).toBe(5);
  });
});
