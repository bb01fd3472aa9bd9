import { bumpSessionVersion, createUserSession } from "@aspen/db";
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSystemDb } from "../db";
import { publicId, redisKeys } from "@aspen/core";
import { createDeviceWorld, createTestDevice, waitFor, type DeviceWorld } from "../device-api/testing";
import { callerAs, ensureTestEnv } from "../testing";
import { notifyAccessChanged } from "./access";
import { LiveHub } from "./hub";
import { readEvents } from "./sse-testing";
import { handleLiveRequest, type LiveSession } from "./stream";

ensureTestEnv();

const prefix = process.env.REDIS_PREFIX ?? "";
const channelOf = (tenantId: string) => redisKeys(prefix).live(tenantId);

const session = (user: { id: string } | null, sessionVersion = 0, sessionId?: string): LiveSession | null =>
  user ? { user: { id: user.id }, sessionVersion, sessionId } : null;

let w: DeviceWorld;
let hub: LiveHub;
let redis: Redis;
let device: Awaited<ReturnType<typeof createTestDevice>>;
const open: { cancel(): Promise<void> }[] = [];

function stream(
  user: { id: string } | null,
  opts: { slug?: string; query?: string; recheckMs?: number; sessionVersion?: number; sessionId?: string } = {},
) {
  const url = `http://localhost:3000/api/live/${opts.slug ?? w.slug}${opts.query ?? ""}`;
  const controller = new AbortController();
  return handleLiveRequest(new Request(url, { signal: controller.signal }), {
    tenantSlug: opts.slug ?? w.slug,
    getSession: async () => session(user, opts.sessionVersion, opts.sessionId),
    hub,
    recheckMs: opts.recheckMs,
  });
}

async function openStream(user: { id: string }, opts: Parameters<typeof stream>[1] = {}) {
  const res = await stream(user, opts);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/event-stream");
  const r = readEvents(res);
  open.push(r);
  await r.ready();
  return r;
}

beforeAll(async () => {
  w = await createDeviceWorld();
  hub = new LiveHub(process.env.REDIS_URL!);
  redis = new Redis(process.env.REDIS_URL!);
  device = await createTestDevice(w);
});

afterAll(async () => {
  await Promise.all(open.map((r) => r.cancel().catch(() => {})));
  await hub?.close();
  await redis?.quit();
});

describe("GET /api/live/<tenant>", () => {
  it("streams what is published on the member's tenant channel, with public ids", async () => {
    const r = await openStream(w.users.viewer);
    const at = Date.now();
    await redis.publish(
      channelOf(w.tenant.id),
      JSON.stringify([
        { type: "telemetry", deviceId: device.uuid, ts: at, values: { temperature: 21.5 } },
        { type: "presence", deviceId: device.uuid, online: true, at },
        { type: "someday-a-new-kind", deviceId: device.uuid },
      ]),
    );
    const msgs = await waitFor(() => (r.messages().length >= 2 ? r.messages() : undefined));
    expect(msgs).toEqual([
      { type: "telemetry", deviceId: device.id, ts: at, values: { temperature: 21.5 } },
      { type: "presence", deviceId: device.id, online: true, at },
    ]);
  });

  it("refuses a member of another tenant (404, as for an unknown tenant) and never sends them this tenant's messages", async () => {
    const refused = await stream(w.outsider);
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("not_found");
    expect((await stream(w.users.owner, { slug: `no-such-${randomUUID().slice(0, 8)}` })).status).toBe(404);

    // The outsider's own tenant stream stays silent while this tenant's channel carries data.
    const own = await openStream(w.outsider, { slug: w.outsiderTenant.slug });
    const member = await openStream(w.users.owner);
    await redis.publish(
      channelOf(w.tenant.id),
      JSON.stringify([{ type: "presence", deviceId: device.uuid, online: false, at: Date.now() }]),
    );
    await waitFor(() => (member.messages().length > 0 ? true : undefined));
    await new Promise((r) => setTimeout(r, 200));
    expect(own.messages()).toEqual([]);
  });

  it("refuses signed-out requests (401) and bad query parameters (400)", async () => {
    const res = await stream(null);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
    expect((await stream(w.users.owner, { query: "?device=prd_abc" })).status).toBe(400);
    expect((await stream(w.users.owner, { query: "?types=telemetry,bogus" })).status).toBe(400);
  });

  it("refuses a device of another tenant (404) and filters by device and by type", async () => {
    const other = await createDeviceWorld();
    const foreign = await createTestDevice(other);
    expect((await stream(w.users.owner, { query: `?device=${foreign.id}` })).status).toBe(404);

    const second = await createTestDevice(w);
    const r = await openStream(w.users.developer, { query: `?device=${device.id}&types=command,presence` });
    const commandId = randomUUID();
    await redis.publish(
      channelOf(w.tenant.id),
      JSON.stringify([
        { type: "presence", deviceId: second.uuid, online: true, at: 1 },
        { type: "telemetry", deviceId: device.uuid, ts: 2, values: { humidity: 40 } },
        { type: "command", deviceId: device.uuid, commandId, status: "succeeded" },
      ]),
    );
    const msgs = await waitFor(() => (r.messages().length > 0 ? r.messages() : undefined));
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatchObject({ type: "command", deviceId: device.id, status: "succeeded" });
    expect(String(msgs[0]!.commandId)).toMatch(/^cmd_/);
  });

  it("filters by several devices (a dashboard's) and refuses a bad id in the list (400)", async () => {
    expect((await stream(w.users.owner, { query: `?devices=${device.id},prd_abc` })).status).toBe(400);
    const second = await createTestDevice(w);
    const third = await createTestDevice(w);
    const r = await openStream(w.users.viewer, { query: `?devices=${device.id},${third.id}&types=telemetry` });
    await redis.publish(
      channelOf(w.tenant.id),
      JSON.stringify([
        { type: "telemetry", deviceId: second.uuid, ts: 1, values: { humidity: 1 } },
        { type: "telemetry", deviceId: device.uuid, ts: 2, values: { humidity: 2 } },
        { type: "telemetry", deviceId: third.uuid, ts: 3, values: { humidity: 3 } },
      ]),
    );
    const msgs = await waitFor(() => (r.messages().length >= 2 ? r.messages() : undefined));
    expect(msgs.map((m) => m.deviceId)).toEqual([device.id, third.id]);
  });

  it("shares one Redis subscription per channel and unsubscribes when the last stream closes", async () => {
    const t = await createDeviceWorld();
    const channel = channelOf(t.tenant.id);
    const numsub = async () => Number(((await redis.pubsub("NUMSUB", channel)) as [string, number])[1]);
    const a = await openStream(t.users.owner, { slug: t.slug });
    const b = await openStream(t.users.viewer, { slug: t.slug });
    expect(hub.listenerCount(channel)).toBe(2);
    expect(await numsub()).toBe(1);
    await a.cancel();
    expect(hub.listenerCount(channel)).toBe(1);
    expect(await numsub()).toBe(1);
    await b.cancel();
    expect(hub.listenerCount(channel)).toBe(0);
    const end = Date.now() + 3000;
    while ((await numsub()) !== 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    expect(await numsub()).toBe(0);
  });

  it("ends the stream when the session is revoked", async () => {
    const t = await createDeviceWorld();
    const r = await openStream(t.users.admin, { slug: t.slug, recheckMs: 100 });
    await bumpSessionVersion(getSystemDb(), t.users.admin.id);
    await waitFor(() => (r.state.closed ? true : undefined), 5000);
    expect(r.events.some((e) => e.event === "revoked")).toBe(true);
    expect(hub.listenerCount(channelOf(t.tenant.id))).toBe(0);
  });

  it("closes within 2 s after sign-out, announced over Redis (no periodic re-check needed)", async () => {
    const t = await createDeviceWorld();
    const r = await openStream(t.users.admin, { slug: t.slug, recheckMs: 60_000 });
    const other = await openStream(t.users.viewer, { slug: t.slug, recheckMs: 60_000 });
    await bumpSessionVersion(getSystemDb(), t.users.admin.id);
    const at = Date.now();
    await notifyAccessChanged({ userId: t.users.admin.id, reason: "signed_out" });
    await waitFor(() => (r.state.closed ? true : undefined), 2000);
    expect(Date.now() - at).toBeLessThan(2000);
    expect(r.events.some((e) => e.event === "revoked")).toBe(true);
    // another user's stream is untouched, and an announcement for a user who still has access closes nothing
    await notifyAccessChanged({ userId: t.users.viewer.id, reason: "role_changed", tenantId: t.tenant.id });
    await new Promise((res) => setTimeout(res, 300));
    expect(other.state.closed).toBe(false);
  });

  it("closes within 2 s after that one session is signed out on the sessions list; the user's other session streams on", async () => {
    const t = await createDeviceWorld();
    const u = t.users.admin;
    const mk = () => createUserSession(getSystemDb(), { userId: u.id, sessionVersion: 0, ip: null, userAgent: null });
    const [gone, kept] = [await mk(), await mk()];
    const r = await openStream(u, { slug: t.slug, recheckMs: 60_000, sessionId: gone });
    const other = await openStream(u, { slug: t.slug, recheckMs: 60_000, sessionId: kept });
    const at = Date.now();
    await callerAs(u, undefined, kept).session.revoke({ id: publicId("ses", gone) });
    await waitFor(() => (r.state.closed ? true : undefined), 2000);
    expect(Date.now() - at).toBeLessThan(2000);
    expect(r.events.some((e) => e.event === "revoked")).toBe(true);
    await new Promise((res) => setTimeout(res, 300));
    expect(other.state.closed).toBe(false);
  });

  it("closes within 2 s after the member is removed from the tenant (member.remove announces it)", async () => {
    const t = await createDeviceWorld();
    const r = await openStream(t.users.viewer, { slug: t.slug, recheckMs: 60_000 });
    await callerAs(t.users.owner).member.remove({ tenantSlug: t.slug, userId: publicId("usr", t.users.viewer.id) });
    await waitFor(() => (r.state.closed ? true : undefined), 2000);
    expect(r.events.some((e) => e.event === "revoked")).toBe(true);
    expect(hub.listenerCount(channelOf(t.tenant.id))).toBe(0);
  });
});
