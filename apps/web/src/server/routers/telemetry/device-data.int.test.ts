import { channels } from "@aspen/core";
import { withSystem } from "@aspen/db";
import {
  closeDeviceConnection,
  insertDeviceErrors,
  insertDeviceEvents,
  insertTelemetryRows,
  openDeviceConnection,
  type TelemetryRow,
} from "@aspen/db/broker";
import { sql } from "drizzle-orm";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSystemDb } from "../../db";
import { brokerKeys } from "../../device-api/broker-keys";
import { ChannelRecorder } from "../../channel-recorder";
import { createDeviceWorld, createTestDevice, refusal, type Caller, type DeviceWorld } from "../../device-api/testing";
import { callerAs, ensureTestEnv } from "../../testing";

ensureTestEnv();

const prefix = process.env.REDIS_PREFIX ?? "";
let w: DeviceWorld;
let dev: Caller;
let viewer: Caller;
let outsider: Caller;
let published: ChannelRecorder;

beforeAll(async () => {
  w = await createDeviceWorld();
  dev = callerAs(w.users.developer);
  viewer = callerAs(w.users.viewer);
  outsider = callerAs(w.outsider);
  const ch = channels(prefix);
  published = await ChannelRecorder.start(process.env.REDIS_URL!, [ch.command, ch.deviceDesired]);
});

afterAll(async () => {
  await published?.close();
});

const minute = 60_000;
/** Start of the current minute minus `n` minutes, so buckets are predictable. */
const minuteStart = (n: number) => Math.floor(Date.now() / minute) * minute - n * minute;

describe("telemetry", () => {
  it("latest lists declared properties first with their latest values, online state and last seen", async () => {
    const d = await createTestDevice(w);
    const t = Date.now() - 5000;
    await withSystem(getSystemDb(), (tx) =>
      tx.execute(
        sql`update devices set latest = ${JSON.stringify({ temperature: { ts: t, value: 21.5 }, extra: { ts: t, value: "x" } })}::jsonb,
            last_seen_at = now(), online = true where id = ${d.uuid}`,
      ),
    );
    const r = await viewer.telemetry.latest({ tenantSlug: w.slug, deviceId: d.id });
    expect(r.online).toBe(true);
    expect(r.lastSeenAt).toBeInstanceOf(Date);
    expect(r.values.map((v) => v.key)).toEqual(["temperature", "humidity", "on", "mode", "target", "extra"]);
    expect(r.values[0]).toMatchObject({ key: "temperature", name: "Temperature", unit: "°C", ts: t, value: 21.5, declared: true });
    expect(r.values[1]).toMatchObject({ key: "humidity", ts: null, value: null });
    expect(r.values[5]).toMatchObject({ key: "extra", declared: false, value: "x" });
  });

  it("latest prefers values the broker cached in Redis when they are newer than the device row", async () => {
    const d = await createTestDevice(w);
    const t = Date.now() - 5000;
    await withSystem(getSystemDb(), (tx) =>
      tx.execute(
        sql`update devices set latest = ${JSON.stringify({ temperature: { ts: t, value: 20 }, humidity: { ts: t, value: 40 } })}::jsonb where id = ${d.uuid}`,
      ),
    );
    const key = brokerKeys(prefix).latest(d.uuid);
    const redis = new Redis(process.env.REDIS_URL!);
    await redis.hset(
      key,
      "temperature",
      JSON.stringify({ ts: t + 1000, value: 22.5 }),
      "humidity",
      JSON.stringify({ ts: t - 1000, value: 10 }),
      "junk",
      "{",
    );
    await redis.quit();
    const r = await viewer.telemetry.latest({ tenantSlug: w.slug, deviceId: d.id });
    expect(r.values.find((v) => v.key === "temperature")).toMatchObject({ ts: t + 1000, value: 22.5 });
    expect(r.values.find((v) => v.key === "humidity")).toMatchObject({ ts: t, value: 40 });
    expect(r.values.some((v) => v.key === "junk")).toBe(false);
  });

  it("series aggregates stored rows with date_bin (avg/min/max/count per bucket) and returns raw points for short ranges", async () => {
    const d = await createTestDevice(w);
    const base = minuteStart(10);
    // 3 minutes × 6 values (every 10 s): minute i holds i*10 + 0..5.
    const rows: TelemetryRow[] = [];
    for (let m = 0; m < 3; m++) {
      for (let s = 0; s < 6; s++) {
        rows.push({
          tenantId: w.tenant.id,
          deviceId: d.uuid,
          key: "temperature",
          ts: base + m * minute + s * 10_000,
          valueNum: m * 10 + s,
          valueBool: null,
          valueStr: null,
        });
      }
    }
    rows.push({ tenantId: w.tenant.id, deviceId: d.uuid, key: "humidity", ts: base, valueNum: 99, valueBool: null, valueStr: null });
    await withSystem(getSystemDb(), (tx) => insertTelemetryRows(tx, rows));

    const agg = await viewer.telemetry.series({
      tenantSlug: w.slug,
      deviceId: d.id,
      key: "temperature",
      from: new Date(base - minute),
      to: new Date(base + 5 * minute),
      bucketSeconds: 60,
    });
    expect(agg.bucketSeconds).toBe(60);
    expect(agg.points).toEqual([
      { ts: base, avg: 2.5, min: 0, max: 5, count: 6 },
      { ts: base + minute, avg: 12.5, min: 10, max: 15, count: 6 },
      { ts: base + 2 * minute, avg: 22.5, min: 20, max: 25, count: 6 },
    ]);

    // The last hour picks a bucket automatically (10 s → 360 buckets at most).
    const hour = await viewer.telemetry.series({
      tenantSlug: w.slug,
      deviceId: d.id,
      key: "temperature",
      from: new Date(Date.now() - 3600_000),
      to: new Date(),
    });
    expect(hour.bucketSeconds).toBe(10);
    expect(hour.points).toHaveLength(18);

    const raw = await viewer.telemetry.series({
      tenantSlug: w.slug,
      deviceId: d.id,
      key: "temperature",
      from: new Date(base + minute),
      to: new Date(base + 2 * minute),
    });
    expect(raw.bucketSeconds).toBeNull();
    expect(raw.points.map((p) => p.avg)).toEqual([10, 11, 12, 13, 14, 15]);
    expect(raw.points[0]).toEqual({ ts: base + minute, avg: 10, min: 10, max: 10, count: 1 });

    expect(
      await refusal(
        viewer.telemetry.series({
          tenantSlug: w.slug,
          deviceId: d.id,
          key: "temperature",
          from: new Date(),
          to: new Date(Date.now() - 1000),
        }),
      ),
    ).toMatchObject({
      code: "BAD_REQUEST",
      reason: "invalid_range",
    });
    expect(
      await refusal(
        viewer.telemetry.series({
          tenantSlug: w.slug,
          deviceId: d.id,
          key: "temperature",
          from: new Date(Date.now() - 86_400_000),
          to: new Date(),
          bucketSeconds: 1,
        }),
      ),
    ).toMatchObject({ code: "BAD_REQUEST", reason: "too_many_buckets" });
  });

  it("events pages a device's thing-model events, newest first", async () => {
    const d = await createTestDevice(w);
    const now = Date.now();
    await withSystem(getSystemDb(), (tx) =>
      insertDeviceEvents(
        tx,
        [0, 1, 2].map((i) => ({
          tenantId: w.tenant.id,
          deviceId: d.uuid,
          event: "overheat",
          level: "warning" as const,
          params: { temp: 90 + i },
          ts: now - (3 - i) * 1000,
          dedupKey: null,
        })),
      ),
    );
    const p1 = await viewer.telemetry.events({ tenantSlug: w.slug, deviceId: d.id, page: 1, pageSize: 2 });
    expect(p1.total).toBe(3);
    expect(p1.items.map((e) => e.params.temp)).toEqual([92, 91]);
    expect(p1.items[0]).toMatchObject({ event: "overheat", level: "warning" });
    expect(p1.items[0]!.id).toMatch(/^evt_/);
    const p2 = await viewer.telemetry.events({ tenantSlug: w.slug, deviceId: d.id, page: 2, pageSize: 2 });
    expect(p2.items.map((e) => e.params.temp)).toEqual([90]);
  });

  it("overview counts devices online/total and telemetry messages per minute over the last 10 minutes", async () => {
    const ow = await createDeviceWorld();
    const a = await createTestDevice(ow);
    await createTestDevice(ow);
    await withSystem(getSystemDb(), (tx) => tx.execute(sql`update devices set online = true where id = ${a.uuid}`));
    const start = minuteStart(2);
    const rows: TelemetryRow[] = [];
    // 4 messages in the minute two minutes ago (two keys each: still 4 messages), 1 in the current minute.
    for (let i = 0; i < 4; i++) {
      for (const key of ["temperature", "humidity"]) {
        rows.push({ tenantId: ow.tenant.id, deviceId: a.uuid, key, ts: start + i * 1000, valueNum: i, valueBool: null, valueStr: null });
      }
    }
    rows.push({
      tenantId: ow.tenant.id,
      deviceId: a.uuid,
      key: "temperature",
      ts: Date.now() - 10,
      valueNum: 1,
      valueBool: null,
      valueStr: null,
    });
    // Older than 10 minutes: not counted.
    rows.push({
      tenantId: ow.tenant.id,
      deviceId: a.uuid,
      key: "temperature",
      ts: minuteStart(30),
      valueNum: 1,
      valueBool: null,
      valueStr: null,
    });
    await withSystem(getSystemDb(), (tx) => insertTelemetryRows(tx, rows));
    const before = Date.now();
    const o = await callerAs(ow.users.viewer).telemetry.overview({ tenantSlug: ow.slug });
    const after = Date.now();
    expect(o.devices).toEqual({ total: 2, online: 1, enabled: 2 });
    expect(o.messagesPerMinute).toHaveLength(10);
    const byMinute = new Map(o.messagesPerMinute.map((m) => [m.minute, m.messages]));
    expect(byMinute.get(start)).toBe(4);
    expect(o.messagesPerMinute.reduce((n, m) => n + m.messages, 0)).toBe(5);
    // The current minute is still filling: marked partial (and only it), not drawn as a complete dip.
    expect(o.messagesPerMinute.map((m) => m.partial)).toEqual([...Array(9).fill(false), true]);
    expect(o.messagesPerMinute.at(-1)).toMatchObject({ minute: minuteStart(0), messages: 1, partial: true });
    // The average is over the elapsed 9 whole minutes and the part of the current one: 5 / 9.x, not 5 / 10.
    const avgAt = (t: number) => Math.round((5 / (9 + Math.max(1, t - minuteStart(0)) / minute)) * 10) / 10;
    expect(o.averagePerMinute).toBeGreaterThanOrEqual(avgAt(after + 1000));
    expect(o.averagePerMinute).toBeLessThanOrEqual(avgAt(before - 1000));
    expect(o.source).toBe("telemetry_rows");
  });
});

describe("device activity", () => {
  it("connections: history with IP, protocol version, disconnect time and reason, newest first", async () => {
    const d = await createTestDevice(w);
    const db = getSystemDb();
    const c1 = await openDeviceConnection(db, {
      tenantId: w.tenant.id,
      deviceId: d.uuid,
      brokerId: "b1",
      clientId: d.id,
      ip: "198.51.100.4",
      protocol: "mqtt",
      protocolVersion: 4,
    });
    await closeDeviceConnection(db, { connectionId: c1!.id, deviceId: d.uuid, connectedAt: c1!.connectedAt, reason: "keepalive timeout" });
    await openDeviceConnection(db, {
      tenantId: w.tenant.id,
      deviceId: d.uuid,
      brokerId: "b2",
      clientId: d.id,
      ip: "198.51.100.5",
      protocol: "ws",
      protocolVersion: 3,
    });
    const r = await viewer.deviceActivity.connections({ tenantSlug: w.slug, deviceId: d.id, page: 1, pageSize: 10 });
    expect(r.total).toBe(2);
    expect(r.items[0]).toMatchObject({ ip: "198.51.100.5", protocol: "ws", protocolVersion: 3, disconnectedAt: null, reason: null });
    expect(r.items[1]).toMatchObject({ ip: "198.51.100.4", protocol: "mqtt", protocolVersion: 4, reason: "keepalive timeout" });
    expect(r.items[1]!.disconnectedAt).toBeInstanceOf(Date);
    expect(r.items[1]!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("errors: last errors with kind, reason, topic and time, newest first", async () => {
    const d = await createTestDevice(w);
    const now = Date.now();
    await withSystem(getSystemDb(), (tx) =>
      insertDeviceErrors(tx, [
        {
          tenantId: w.tenant.id,
          deviceId: d.uuid,
          kind: "payload",
          reason: "malformed JSON",
          topic: "v1/devices/me/telemetry",
          at: now - 2000,
        },
        {
          tenantId: w.tenant.id,
          deviceId: d.uuid,
          kind: "validation",
          reason: "temperature: too big",
          topic: "v1/devices/me/telemetry",
          at: now - 1000,
        },
      ]),
    );
    const r = await viewer.deviceActivity.errors({ tenantSlug: w.slug, deviceId: d.id, page: 1, pageSize: 10 });
    expect(r.items.map((e) => e.kind)).toEqual(["validation", "payload"]);
    expect(r.items[0]).toMatchObject({ reason: "temperature: too big", topic: "v1/devices/me/telemetry" });
    expect(r.items[0]!.at).toBeInstanceOf(Date);
  });
});

describe("device shadow", () => {
  it("get returns reported, desired, version and the delta", async () => {
    const d = await createTestDevice(w);
    const s = await viewer.deviceShadow.get({ tenantSlug: w.slug, deviceId: d.id });
    expect(s).toEqual({ reported: {}, desired: {}, version: 0, delta: [] });
  });

  it("updateDesired validates against rw properties, merges (null deletes), bumps the version, publishes and audits", async () => {
    const d = await createTestDevice(w);
    const s1 = await dev.deviceShadow.updateDesired({ tenantSlug: w.slug, deviceId: d.id, desired: { target: 21.5, mode: "eco" } });
    expect(s1).toMatchObject({ desired: { target: 21.5, mode: "eco" }, version: 1, delta: ["mode", "target"] });
    const msg = await published.next((p) => p.channel === channels(prefix).deviceDesired && p.msg.deviceId === d.uuid);
    expect(msg.msg).toEqual({ tenantId: w.tenant.id, deviceId: d.uuid });

    const s2 = await dev.deviceShadow.updateDesired({ tenantSlug: w.slug, deviceId: d.id, desired: { mode: null, on: true } });
    expect(s2.desired).toEqual({ target: 21.5, on: true });
    expect(s2.version).toBe(2);
    expect((await viewer.deviceShadow.get({ tenantSlug: w.slug, deviceId: d.id })).version).toBe(2);

    const bad = await refusal(
      dev.deviceShadow.updateDesired({
        tenantSlug: w.slug,
        deviceId: d.id,
        desired: { target: 99, temperature: 20, nope: 1, mode: "turbo" },
      }),
    );
    expect(bad).toMatchObject({ code: "BAD_REQUEST", reason: "invalid_desired" });
    const byPath = Object.fromEntries(bad.details.map((i) => [i.path, i.message]));
    expect(Object.keys(byPath).sort()).toEqual(["desired.mode", "desired.nope", "desired.target", "desired.temperature"]);
    expect(byPath["desired.temperature"]).toMatch(/read-only/i);
    expect(byPath["desired.nope"]).toMatch(/not a property/i);
    expect((await viewer.deviceShadow.get({ tenantSlug: w.slug, deviceId: d.id })).version).toBe(2);

    expect(
      await refusal(dev.deviceShadow.updateDesired({ tenantSlug: w.slug, deviceId: d.id, desired: { on: false }, expectedVersion: 1 })),
    ).toMatchObject({
      code: "CONFLICT",
      reason: "version_conflict",
    });
    const s3 = await dev.deviceShadow.updateDesired({ tenantSlug: w.slug, deviceId: d.id, desired: { on: false }, expectedVersion: 2 });
    expect(s3.version).toBe(3);

    const audit = await callerAs(w.users.owner).audit.list({ tenantSlug: w.slug, action: "device.desired_update", page: 1, pageSize: 50 });
    expect(audit.items.filter((a) => a.targetId === d.id).length).toBe(3);
  });
});

describe("commands", () => {
  it("send validates the method and params, queues with the next request id, publishes on Redis and audits", async () => {
    const d = await createTestDevice(w);
    const c1 = await dev.command.send({ tenantSlug: w.slug, deviceId: d.id, method: "reboot", params: { delaySeconds: 5 } });
    expect(c1).toMatchObject({
      deviceId: d.id,
      requestId: 1,
      method: "reboot",
      params: { delaySeconds: 5 },
      status: "queued",
      timeoutMs: 30000,
    });
    expect(c1.id).toMatch(/^cmd_/);
    const ttl = c1.expiresAt.getTime() - c1.createdAt.getTime();
    // Both come from the same transaction's now(): exactly the default TTL, whatever the load.
    expect(ttl).toBe(86_400_000);
    const msg = await published.next((p) => p.channel === channels(prefix).command && p.msg.deviceId === d.uuid);
    expect(msg.msg).toMatchObject({ tenantId: w.tenant.id, deviceId: d.uuid });
    expect(typeof msg.msg.commandId).toBe("string");

    const c2 = await dev.command.send({
      tenantSlug: w.slug,
      deviceId: d.id,
      method: "setLevel",
      params: { level: 3 },
      ttlSeconds: 60,
      timeoutMs: 5000,
    });
    expect(c2.requestId).toBe(2);
    expect(c2.timeoutMs).toBe(5000);

    expect(await refusal(dev.command.send({ tenantSlug: w.slug, deviceId: d.id, method: "selfDestruct", params: {} }))).toMatchObject({
      code: "BAD_REQUEST",
      reason: "unknown_command",
    });
    const bad = await refusal(
      dev.command.send({ tenantSlug: w.slug, deviceId: d.id, method: "setLevel", params: { level: 11, extra: 1 } }),
    );
    expect(bad).toMatchObject({ code: "BAD_REQUEST", reason: "invalid_params" });
    expect(bad.details.map((i) => i.path).sort()).toEqual(["params.extra", "params.level"]);
    const missing = await refusal(dev.command.send({ tenantSlug: w.slug, deviceId: d.id, method: "setLevel", params: {} }));
    expect(missing.details.map((i) => i.path)).toEqual(["params.level"]);

    const list = await viewer.command.list({ tenantSlug: w.slug, deviceId: d.id, page: 1, pageSize: 10 });
    expect(list.total).toBe(2);
    expect(list.items.map((c) => c.requestId)).toEqual([2, 1]);
    const queued = await viewer.command.list({ tenantSlug: w.slug, deviceId: d.id, status: "succeeded", page: 1, pageSize: 10 });
    expect(queued.total).toBe(0);
    const one = await viewer.command.byId({ tenantSlug: w.slug, id: c1.id });
    expect(one).toMatchObject({ id: c1.id, status: "queued", sentAt: null, completedAt: null });

    const audit = await callerAs(w.users.owner).audit.list({ tenantSlug: w.slug, action: "device.command", page: 1, pageSize: 50 });
    expect(audit.items.filter((a) => a.targetId === d.id)).toHaveLength(2);
  });

  it("two sends at the same time get different request ids", async () => {
    const d = await createTestDevice(w);
    const sends = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        dev.command.send({ tenantSlug: w.slug, deviceId: d.id, method: "setLevel", params: { level: i } }),
      ),
    );
    expect(sends.map((c) => c.requestId).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("refuses commands to a disabled device", async () => {
    const d = await createTestDevice(w);
    await dev.device.setEnabled({ tenantSlug: w.slug, id: d.id, enabled: false });
    expect(await refusal(dev.command.send({ tenantSlug: w.slug, deviceId: d.id, method: "reboot" }))).toMatchObject({
      code: "PRECONDITION_FAILED",
      reason: "device_disabled",
    });
  });
});

describe("tenant isolation and roles", () => {
  let d: { id: string };
  let cmdId: string;
  beforeAll(async () => {
    d = await createTestDevice(w);
    cmdId = (await dev.command.send({ tenantSlug: w.slug, deviceId: d.id, method: "reboot" })).id;
  });

  type Call = () => Promise<unknown>;
  const reads = (k: Caller, slug: string, deviceId: string, commandId: string): Call[] => [
    () => k.telemetry.latest({ tenantSlug: slug, deviceId }),
    () => k.telemetry.series({ tenantSlug: slug, deviceId, key: "temperature", from: new Date(Date.now() - 3600_000), to: new Date() }),
    () => k.telemetry.events({ tenantSlug: slug, deviceId, page: 1, pageSize: 10 }),
    () => k.deviceActivity.connections({ tenantSlug: slug, deviceId, page: 1, pageSize: 10 }),
    () => k.deviceActivity.errors({ tenantSlug: slug, deviceId, page: 1, pageSize: 10 }),
    () => k.deviceShadow.get({ tenantSlug: slug, deviceId }),
    () => k.command.list({ tenantSlug: slug, deviceId, page: 1, pageSize: 10 }),
    () => k.command.byId({ tenantSlug: slug, id: commandId }),
  ];
  const mutations = (k: Caller, slug: string, deviceId: string): Call[] => [
    () => k.deviceShadow.updateDesired({ tenantSlug: slug, deviceId, desired: { on: true } }),
    () => k.command.send({ tenantSlug: slug, deviceId, method: "reboot" }),
  ];

  it("a member of another tenant gets NOT_FOUND for every procedure, in this tenant or with this device in their own", async () => {
    const inThisTenant = [
      ...reads(outsider, w.slug, d.id, cmdId),
      ...mutations(outsider, w.slug, d.id),
      () => outsider.telemetry.overview({ tenantSlug: w.slug }),
    ];
    for (const call of inThisTenant) expect((await refusal(call())).code).toBe("NOT_FOUND");
    const own = w.outsiderTenant.slug;
    for (const call of [...reads(outsider, own, d.id, cmdId), ...mutations(outsider, own, d.id)]) {
      expect((await refusal(call())).code).toBe("NOT_FOUND");
    }
  });

  it("a viewer can read but not send commands or edit desired attributes (FORBIDDEN)", async () => {
    for (const call of reads(viewer, w.slug, d.id, cmdId)) await call();
    await viewer.telemetry.overview({ tenantSlug: w.slug });
    for (const call of mutations(viewer, w.slug, d.id)) {
      expect(await refusal(call())).toMatchObject({ code: "FORBIDDEN", reason: "forbidden" });
    }
  });

  it("signed out: UNAUTHORIZED", async () => {
    const anon = callerAs(null);
    for (const call of [...reads(anon, w.slug, d.id, cmdId), ...mutations(anon, w.slug, d.id)]) {
      expect((await refusal(call())).code).toBe("UNAUTHORIZED");
    }
  });

  it("a malformed device id is BAD_REQUEST", async () => {
    expect((await refusal(viewer.telemetry.latest({ tenantSlug: w.slug, deviceId: "prd_abc" }))).code).toBe("BAD_REQUEST");
  });
});
