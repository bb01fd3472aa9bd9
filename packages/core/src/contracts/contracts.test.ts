import { describe, expect, it } from "vitest";
import { ingestBatchSchema, ingestStreamField } from "../events/ingest-stream";
import { AfterCommitWrites, type AfterCommitPipeline } from "./after-commit";
import { liveMessageSchema, liveTypes, parseLivePayload } from "./live-message";
import { redisKeys, usageTtlSeconds, utcDay } from "./redis-keys";
import { ThingModelCache } from "./thing-model-cache";

const dev = "00000000-0000-4000-8000-000000000002";
const ten = "00000000-0000-4000-8000-000000000001";
const prd = "00000000-0000-4000-8000-000000000003";

function recorder() {
  const cmds: (string | number)[][] = [];
  const rec =
    (name: string) =>
    (...args: (string | number)[]) =>
      void cmds.push([name, ...args]);
  const p: AfterCommitPipeline = {
    get length() {
      return cmds.length;
    },
    hset: rec("hset"),
    hincrby: rec("hincrby"),
    expire: rec("expire"),
    sadd: rec("sadd"),
    publish: rec("publish"),
    xadd: rec("xadd"),
  };
  return { p, cmds };
}

describe("redis keys", () => {
  it("puts everything under the prefix, channels included", () => {
    const k = redisKeys("x:");
    expect(k.live("t")).toBe("x:aspen:live:t");
    expect(k.usage("t", "20260102")).toBe("x:aspen:usage:t:20260102");
    expect(k.ingestStream).toBe("x:aspen:stream:ingest");
    expect(k.channels.deviceRevoked).toBe("x:aspen:device:revoked");
  });

  it("names the UTC day, across day boundaries", () => {
    expect(utcDay(Date.UTC(2026, 0, 2, 23, 59, 59, 999))).toBe("20260102");
    expect(utcDay(Date.UTC(2026, 0, 3))).toBe("20260103");
    expect(utcDay(Date.UTC(2026, 0, 2, 12))).toBe("20260102");
  });
});

describe("live messages", () => {
  it("knows every kind both sides send (presence and desired among them)", () => {
    expect(liveTypes).toEqual(["telemetry", "presence", "shadow", "desired", "event", "command", "error"]);
    expect(liveMessageSchema.safeParse({ type: "desired", deviceId: dev, desired: { a: 1 }, version: 2 }).success).toBe(true);
    expect(liveMessageSchema.safeParse({ type: "presence", deviceId: dev, online: true, at: 1 }).success).toBe(true);
  });

  it("keeps the valid elements of a payload and never throws", () => {
    const payload = JSON.stringify([{ type: "presence", deviceId: dev, online: false, at: 1 }, { type: "future" }, 3]);
    expect(parseLivePayload(payload)).toEqual([{ type: "presence", deviceId: dev, online: false, at: 1 }]);
    expect(parseLivePayload("{nope")).toEqual([]);
    expect(parseLivePayload('{"type":"presence"}')).toEqual([]);
  });
});

describe("after-commit writes", () => {
  it("gathers latest (newest wins), usage per tenant and day, live and one stream entry per batch", () => {
    const w = new AfterCommitWrites();
    const k = redisKeys("p:");
    const now = Date.UTC(2026, 0, 2, 12);
    w.addLatest("d", { t: { ts: 2, value: 20 } });
    w.addLatest("d", { t: { ts: 1, value: 10 }, h: { ts: 1, value: 5 } });
    w.addUsage(ten, now, 2, 100);
    w.addUsage(ten, now, 3, 50);
    w.addLive(ten, { type: "presence", deviceId: dev, online: true, at: now });
    const batch = ingestBatchSchema.parse({
      v: 1,
      batchId: "b-1",
      source: "mqtt",
      committedAt: now,
      telemetry: [{ tenantId: ten, productId: prd, deviceId: dev, ts: now, values: { t: 1 } }],
      events: [],
    });
    w.addBatch(batch);
    w.addBatch({ ...batch, batchId: "empty", telemetry: [] });
    const { p, cmds } = recorder();
    const pos = w.appendTo(p, k, 500);
    expect(w.empty).toBe(true);
    expect(cmds).toContainEqual([
      "hset",
      k.latest("d"),
      "t",
      JSON.stringify({ ts: 2, value: 20 }),
      "h",
      JSON.stringify({ ts: 1, value: 5 }),
    ]);
    expect(cmds).toContainEqual(["hincrby", k.usage(ten, "20260102"), "messages", 2]);
    expect(cmds).toContainEqual(["hincrby", k.usage(ten, "20260102"), "points", 5]);
    expect(cmds).toContainEqual(["expire", k.usage(ten, "20260102"), usageTtlSeconds]);
    expect(cmds).toContainEqual(["sadd", k.usageTenants("20260102"), ten]);
    expect(cmds[pos.published[0]![1]]![0]).toBe("publish");
    expect(pos.streamed).toHaveLength(1);
    const xadd = cmds[pos.streamed[0]!]!;
    expect(xadd.slice(0, 6)).toEqual(["xadd", k.ingestStream, "MAXLEN", "~", 500, "*"]);
    expect(xadd[6]).toBe(ingestStreamField);
    expect(ingestBatchSchema.parse(JSON.parse(String(xadd[7])))).toEqual(batch);
  });
});

describe("thing-model cache", () => {
  it("shares a load, serves it until invalidated, expired or another version is asked for", async () => {
    let t = 0;
    let loads = 0;
    const c = new ThingModelCache<string>({ ttlMs: 100, maxEntries: 2, now: () => t });
    const load = async () => `m${++loads}`;
    const [a, b] = await Promise.all([c.get("p", load, "v1"), c.get("p", load, "v1")]);
    expect([a, b, loads]).toEqual(["m1", "m1", 1]);
    expect(c.peek("p")).toBe("m1");
    expect(await c.get("p", load, "v2")).toBe("m2");
    c.invalidate("p");
    expect(c.peek("p")).toBeUndefined();
    expect(await c.get("p", load)).toBe("m3");
    t = 100;
    expect(c.peek("p")).toBeUndefined();
    expect(await c.get("p", load)).toBe("m4");
  });

  it("does not keep a failed load, and drops the oldest product beyond maxEntries", async () => {
    const c = new ThingModelCache<string>({ maxEntries: 2 });
    await expect(c.get("x", async () => Promise.reject(new Error("db away")))).rejects.toThrow("db away");
    expect(await c.get("x", async () => "ok")).toBe("ok");
    await c.get("y", () => "y");
    await c.get("z", () => "z");
    expect(c.size).toBe(2);
    expect(c.peek("x")).toBeUndefined();
    expect(c.peek("z")).toBe("z");
  });
});
