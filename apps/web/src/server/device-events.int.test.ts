import { channels, redisKeys } from "@aspen/core";
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifyDeviceCredentialsChanged } from "./device-events";
import { ensureTestEnv } from "./testing";

ensureTestEnv();

const prefix = process.env.REDIS_PREFIX ?? "";
const keys = redisKeys(prefix);
let redis: Redis;
let sub: Redis;

beforeAll(() => {
  redis = new Redis(process.env.REDIS_URL!);
  sub = new Redis(process.env.REDIS_URL!);
});

afterAll(async () => {
  await sub?.quit();
  await redis?.quit();
});

describe("notifyDeviceCredentialsChanged", () => {
  it("drops the brokers' cached credentials from the request itself, then tells the brokers", async () => {
    const deviceId = randomUUID();
    const tenantId = randomUUID();
    // what a broker's credential cache holds for the device
    const byName = keys.authByName("acme", `d-${deviceId}`);
    const byHash = keys.authByHash(`h-${deviceId}`);
    await redis.set(byName, "{}", "EX", 60);
    await redis.set(byHash, "{}", "EX", 60);
    await redis.sadd(keys.authDeviceSet(deviceId), byName, byHash);
    const epoch = Number((await redis.get(keys.authEpoch)) ?? 0);
    const heard: string[] = [];
    await sub.subscribe(channels(prefix).deviceRevoked);
    sub.on("message", (_c, m) => heard.push(m));

    await notifyDeviceCredentialsChanged({ tenantId, deviceId, reason: "disabled" });

    expect(await redis.exists(byName, byHash, keys.authDeviceSet(deviceId))).toBe(0);
    expect(Number(await redis.get(keys.authEpoch))).toBeGreaterThan(epoch);
    await expect.poll(() => heard.map((m) => JSON.parse(m).deviceId)).toContain(deviceId);
  });
});
