import type { Database } from "@aspen/db";
import { deviceConnections, devices, telemetry } from "@aspen/db/schema";
import { desc, eq } from "drizzle-orm";
import mqtt from "mqtt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestBroker } from "./test/broker";
import { createFleet, fixtureDb, type TestDevice } from "./test/fixtures";
import { closedWithin, connect, rawExchange, waitFor } from "./test/mqtt";

let db: Database;
let broker: Awaited<ReturnType<typeof startTestBroker>>;

beforeAll(async () => {
  db = fixtureDb();
  broker = await startTestBroker();
});

afterAll(async () => {
  await broker?.close();
  await db?.$close();
});

const deviceRow = async (id: string) => (await db.select().from(devices).where(eq(devices.id, id)))[0]!;
const connectionsOf = (id: string) =>
  db.select().from(deviceConnections).where(eq(deviceConnections.deviceId, id)).orderBy(desc(deviceConnections.connectedAt));

describe("online state and connection history", () => {
  it("records connect and a clean disconnect", async () => {
    const d = (await createFleet(db, 1)).devices[0]!;
    const c = await connect(broker.url, { username: d.username, password: d.secret, clientId: "thermo-A" });
    await waitFor(async () => (await deviceRow(d.id)).online);
    const [conn] = await connectionsOf(d.id);
    expect(conn).toMatchObject({
      clientId: "thermo-A",
      ip: "127.0.0.1",
      protocol: "mqtt",
      protocolVersion: 4,
      brokerId: broker.brokerId,
      disconnectedAt: null,
    });
    await c.endAsync();
    await waitFor(async () => !(await deviceRow(d.id)).online);
    const [closed] = await connectionsOf(d.id);
    expect(closed!.reason).toBe("client disconnected");
    expect(closed!.disconnectedAt).not.toBeNull();
  });

  it("stays online through a takeover and records why the old connection ended", async () => {
    const d = (await createFleet(db, 1)).devices[0]!;
    const a = await connect(broker.url, { username: d.username, password: d.secret });
    await waitFor(async () => (await connectionsOf(d.id)).length === 1);
    const closed = closedWithin(a, 3000);
    const b = await connect(broker.url, { username: d.username, password: d.secret });
    expect(await closed).toBe(true);
    a.end(true);
    const rows = await waitFor(async () => {
      const r = await connectionsOf(d.id);
      return r.length === 2 && r[1]!.disconnectedAt && r;
    });
    expect(rows[1]!.reason).toMatch(/taken over/);
    expect(rows[0]!.disconnectedAt).toBeNull();
    await new Promise((r) => setTimeout(r, 300));
    expect((await deviceRow(d.id)).online).toBe(true);
    await b.endAsync();
  });

  it("goes offline on keepalive expiry", async () => {
    const d = (await createFleet(db, 1)).devices[0]!;
    // a client that promises a 1 s keepalive and then goes silent (mqtt.js would ping)
    const str = (s: string) => {
      const b = Buffer.from(s);
      return Buffer.concat([Buffer.from([b.length >> 8, b.length & 0xff]), b]);
    };
    const body = Buffer.concat([str("MQTT"), Buffer.from([4, 0xc2, 0, 1]), str("silent"), str(d.username), str(d.secret)]);
    const result = rawExchange(broker.ports.mqtt, Buffer.concat([Buffer.from([0x10, body.length]), body]), 5000);
    expect(await result).toMatchObject({ cmd: "connack", returnCode: 0 });
    // rawExchange closed its socket right after the CONNACK; use a fresh silent one that stays open
    const net = await import("node:net");
    const s = net.connect(broker.ports.mqtt, "127.0.0.1", () => s.write(Buffer.concat([Buffer.from([0x10, body.length]), body])));
    s.on("error", () => {});
    s.on("data", () => {}); // read, or the socket never notices the broker closed it
    const closed = new Promise<number>((resolve) => {
      const t0 = Date.now();
      s.on("close", () => resolve(Date.now() - t0));
    });
    const ms = await closed;
    expect(ms).toBeGreaterThan(1000);
    expect(ms).toBeLessThan(4000);
    const [conn] = await waitFor(async () => {
      const r = await connectionsOf(d.id);
      return r[0]?.disconnectedAt && r;
    });
    expect(conn!.reason).toBe("keepalive timeout");
  });

  it("publishes the Last Will as the device when the connection drops", async () => {
    const d = (await createFleet(db, 1)).devices[0]!;
    const c = mqtt.connect(broker.url, {
      protocolVersion: 4,
      reconnectPeriod: 0,
      username: d.username,
      password: d.secret,
      will: { topic: "v1/devices/me/telemetry", payload: Buffer.from(JSON.stringify({ label: "lost" })), qos: 1, retain: false },
    });
    await new Promise((resolve) => c.once("connect", resolve));
    (c.stream as unknown as { destroy(): void }).destroy();
    const rows = await waitFor(async () => {
      const r = await db.select().from(telemetry).where(eq(telemetry.deviceId, d.id));
      return r.length > 0 && r;
    });
    expect(rows.map((r) => [r.key, r.valueStr])).toEqual([["label", "lost"]]);
    c.end(true);
  });

  it("refuses a will on a topic the device may not publish to", async () => {
    const d: TestDevice = (await createFleet(db, 1)).devices[0]!;
    const c = mqtt.connect(broker.url, {
      protocolVersion: 4,
      reconnectPeriod: 0,
      username: d.username,
      password: d.secret,
      will: { topic: "status/offline", payload: Buffer.from("x"), qos: 0, retain: false },
    });
    const err = await new Promise<Error & { code?: number }>((resolve) => c.once("error", resolve));
    expect(err.code).toBe(5);
    c.end(true);
  });
});
