import type { Database } from "@aspen/db";
import { telemetry } from "@aspen/db/schema";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startTestBroker } from "./test/broker";
import { createFleet, fixtureDb } from "./test/fixtures";
import { closedWithin, connect, rawExchange } from "./test/mqtt";

let db: Database;
let broker: Awaited<ReturnType<typeof startTestBroker>>;

beforeAll(async () => {
  db = fixtureDb();
  broker = await startTestBroker({
    CONNECT_TIMEOUT_MS: "1000",
    MAX_PACKET_BYTES: "262144",
    MQTT_WS_PORT: String(await freePort()),
  });
});

afterAll(async () => {
  await broker?.close();
  await db?.$close();
});

describe("hostile sockets", () => {
  it("closes a socket that announces a 128 MiB CONNECT before reading it", async () => {
    const t0 = Date.now();
    // fixed header of a CONNECT with remaining length 134217727, then a few bytes of it
    expect(await rawExchange(broker.ports.mqtt, Buffer.from([0x10, 0xff, 0xff, 0xff, 0x3f, 0, 4]), 3000)).toBe("closed");
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it("closes a connection that publishes a packet over the limit", async () => {
    const d = (await createFleet(db, 1)).devices[0]!;
    const c = await connect(broker.url, { username: d.username, password: d.secret });
    const closed = closedWithin(c, 3000);
    c.publish("v1/devices/me/telemetry", Buffer.alloc(300_000, 0x20), { qos: 0 });
    expect(await closed).toBe(true);
    c.end(true);
  });

  it("closes a socket that sends no CONNECT within the timeout", async () => {
    const t0 = Date.now();
    expect(await rawExchange(broker.ports.mqtt, [], 5000)).toBe("closed");
    const ms = Date.now() - t0;
    expect(ms).toBeGreaterThanOrEqual(900);
    expect(ms).toBeLessThan(3000);
  });

  it("closes a socket whose first packet is not CONNECT", async () => {
    expect(await rawExchange(broker.ports.mqtt, Buffer.from([0xc0, 0x00]), 3000)).toBe("closed");
  });

  it("serves MQTT over WebSocket too", async () => {
    const d = (await createFleet(db, 1)).devices[0]!;
    const c = await connect(`ws://127.0.0.1:${broker.ports.ws}`, { username: d.username, password: d.secret });
    await c.publishAsync("v1/devices/me/telemetry", JSON.stringify({ temperature: 7 }), { qos: 1 });
    const rows = await db.select().from(telemetry).where(eq(telemetry.deviceId, d.id));
    expect(rows.map((r) => r.valueNum)).toEqual([7]);
    await c.endAsync();
  });
});
