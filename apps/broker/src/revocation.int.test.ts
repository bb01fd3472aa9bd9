import { dropDeviceCredentials, generateSecret, hashSecret } from "@aspen/core";
import type { Database } from "@aspen/db";
import { devices } from "@aspen/db/schema";
import { eq } from "drizzle-orm";
import { Redis } from "ioredis";
import type { MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisKeys } from "./keys";
import { startTestBroker } from "./test/broker";
import { createFleet, fixtureDb, type TestDevice } from "./test/fixtures";
import { closedWithin, connect, tryConnect, waitFor } from "./test/mqtt";

// Revocations whose pub/sub message never arrives: the web request drops the credential cache
// itself (what apps/web device-events.ts does, minus the PUBLISH), and the broker's periodic
// re-check (DEVICE_RECHECK_MS) disconnects the live session within an interval.
const intervalMs = 400;

let db: Database;
let broker: Awaited<ReturnType<typeof startTestBroker>>;
let redis: Redis;
let keys: ReturnType<typeof redisKeys>;
const clients: MqttClient[] = [];

beforeAll(async () => {
  db = fixtureDb();
  broker = await startTestBroker({ DEVICE_RECHECK_MS: String(intervalMs) });
  redis = new Redis(broker.vars.REDIS_URL!);
  keys = redisKeys(broker.vars.REDIS_PREFIX);
});

afterAll(async () => {
  for (const c of clients) c.end(true);
  await broker?.close();
  redis?.disconnect();
  await db?.$close();
});

async function online(): Promise<{ d: TestDevice; c: MqttClient }> {
  const d = (await createFleet(db, 1)).devices[0]!;
  const c = await connect(broker.url, { username: d.username, password: d.secret });
  clients.push(c);
  // its credentials are now in the broker's Redis cache
  await waitFor(async () => (await redis.scard(keys.authDeviceSet(d.id))) > 0);
  return { d, c };
}

/** What the web request does after its commit, without the pub/sub message (as if it were lost). */
const dropCacheOnly = (d: TestDevice) => redis.eval(...dropDeviceCredentials(keys, d.id));

describe("revocation without the pub/sub message", () => {
  it("disabling: the live connection closes within the re-check interval and the device is refused at once", async () => {
    const { d, c } = await online();
    const still = await online();
    await db.update(devices).set({ enabled: false }).where(eq(devices.id, d.id));
    await dropCacheOnly(d);
    expect(await redis.scard(keys.authDeviceSet(d.id))).toBe(0);
    expect((await tryConnect(broker.url, { username: d.username, password: d.secret, clientId: "again" })).code).toBe(5);
    expect(await closedWithin(c, 3 * intervalMs + 1000)).toBe(true);
    // a device nobody touched stays connected over several intervals
    expect(await closedWithin(still.c, 3 * intervalMs)).toBe(false);
  });

  it("rotation: the old secret is refused at once (the cache was dropped by the request) and its session closes", async () => {
    const { d, c } = await online();
    const next = generateSecret();
    await db
      .update(devices)
      .set({ secretHash: hashSecret(next) })
      .where(eq(devices.id, d.id));
    await dropCacheOnly(d);
    expect((await tryConnect(broker.url, { username: d.username, password: d.secret, clientId: "old" })).code).toBe(4);
    expect(await closedWithin(c, 3 * intervalMs + 1000)).toBe(true);
    const fresh = await connect(broker.url, { username: d.username, password: next });
    clients.push(fresh);
    expect(await closedWithin(fresh, 3 * intervalMs)).toBe(false);
  });

  it("deletion: the session closes within the interval", async () => {
    const { d, c } = await online();
    await db.delete(devices).where(eq(devices.id, d.id));
    await dropCacheOnly(d);
    expect(await closedWithin(c, 3 * intervalMs + 1000)).toBe(true);
    expect((await tryConnect(broker.url, { username: d.username, password: d.secret, clientId: "gone" })).code).toBe(4);
  });
});
