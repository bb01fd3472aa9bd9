import { parsePublicId, redisKeys } from "@aspen/core";
import { revokeDashboardShare, schema, withSystem, withTenant } from "@aspen/db";
import { eq } from "drizzle-orm";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "../../app/api/live/share/[token]/route";
import { getDb, getSystemDb } from "../db";
import { createDeviceWorld, createTestDevice, waitFor, type DeviceWorld } from "../device-api/testing";
import { callerAs, ensureTestEnv } from "../testing";
import { LiveHub } from "./hub";
import { handleShareLiveRequest } from "./share-stream";
import { readEvents } from "./sse-testing";

ensureTestEnv();

const prefix = process.env.REDIS_PREFIX ?? "";
const channelOf = (tenantId: string) => redisKeys(prefix).live(tenantId);
const meta = { ip: "127.0.0.1", userAgent: "vitest" };
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

type TestDevice = Awaited<ReturnType<typeof createTestDevice>>;

let w: DeviceWorld;
let other: DeviceWorld;
let hub: LiveHub;
let redis: Redis;
let shown: TestDevice;
let notShown: TestDevice;
let foreign: TestDevice;
const open: { cancel(): Promise<void> }[] = [];

/** A value card and a chart of `dev`'s temperature, a status count, and a command button. */
const layoutOf = (dev: string, extra: { deviceId: string; key: string }[] = []) => ({
  widgets: [
    { id: "temp", kind: "value" as const, x: 0, y: 0, w: 4, h: 2, deviceId: dev, key: "temperature" },
    { id: "chart", kind: "chart" as const, x: 4, y: 0, w: 8, h: 4, series: [{ deviceId: dev, key: "temperature" }, ...extra] },
    { id: "st", kind: "status" as const, x: 0, y: 2, w: 4, h: 2 },
    { id: "cmd", kind: "command" as const, x: 0, y: 4, w: 3, h: 2, deviceId: notShownId(), method: "reboot" },
  ],
});
const notShownId = () => notShown.id;

async function sharedDashboard(layout = layoutOf(shown.id)) {
  const d = await w.owner.dashboard.create({ tenantSlug: w.slug, name: "Shared live", layout });
  const { share, token } = await w.owner.dashboardShare.create({ tenantSlug: w.slug, dashboardId: d.id });
  return { dashboard: d, share, token };
}

function request(token: string, recheckMs = 60_000) {
  return handleShareLiveRequest(new Request(`http://localhost:3000/api/live/share/${token}`), { token, meta, hub, recheckMs });
}

async function openShare(token: string, recheckMs?: number) {
  const res = await request(token, recheckMs);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/event-stream");
  const r = readEvents(res);
  open.push(r);
  await r.ready();
  return r;
}

beforeAll(async () => {
  w = await createDeviceWorld();
  other = await createDeviceWorld();
  hub = new LiveHub(process.env.REDIS_URL ?? "");
  redis = new Redis(process.env.REDIS_URL ?? "");
  shown = await createTestDevice(w);
  notShown = await createTestDevice(w);
  foreign = await createTestDevice(other);
});

afterAll(async () => {
  await Promise.all(open.map((r) => r.cancel().catch(() => {})));
  await hub?.close();
  await redis?.quit();
});

describe("GET /api/live/share/<token>", () => {
  it("streams only the series the layout reads and its devices' online state, nothing else of the tenant or another's", async () => {
    const { token } = await sharedDashboard();
    const r = await openShare(token);
    const at = Date.now();
    // Another tenant's channel, even naming the shown device: never reaches this stream.
    await redis.publish(
      channelOf(other.tenant.id),
      JSON.stringify([
        { type: "telemetry", deviceId: foreign.uuid, ts: at, values: { temperature: 99 } },
        { type: "telemetry", deviceId: shown.uuid, ts: at, values: { temperature: 98 } },
      ]),
    );
    await redis.publish(
      channelOf(w.tenant.id),
      JSON.stringify([
        // a device of the tenant the layout does not read (the command widget's is left out of the shared view)
        { type: "telemetry", deviceId: notShown.uuid, ts: at, values: { temperature: 50 } },
        { type: "presence", deviceId: notShown.uuid, online: true, at },
        // the shown device: only its shown key, and its online state without the disconnect reason
        { type: "telemetry", deviceId: shown.uuid, ts: at, values: { temperature: 21.5, humidity: 40 } },
        { type: "telemetry", deviceId: shown.uuid, ts: at + 1, values: { humidity: 41 } },
        { type: "presence", deviceId: shown.uuid, online: false, at, reason: "keepalive timeout from 10.0.0.7" },
        { type: "event", deviceId: shown.uuid, event: "overheat", level: "warning", ts: at, params: {} },
        { type: "shadow", deviceId: shown.uuid, reported: { fw: "1.2" }, version: 3 },
      ]),
    );
    const msgs = await waitFor(() => (r.messages().length >= 2 ? r.messages() : undefined));
    await pause(200);
    expect(r.messages()).toEqual(msgs);
    expect(msgs).toEqual([
      { type: "telemetry", deviceId: shown.id, ts: at, values: { temperature: 21.5 } },
      { type: "presence", deviceId: shown.id, online: false, at },
    ]);
  });

  it("refuses a malformed, unknown or revoked token alike (404), signed out", async () => {
    const { share, token } = await sharedDashboard();
    for (const bad of ["nope", `${token}x`, "A".repeat(43)]) {
      // through the route, as the browser asks
      const res = await GET(new Request(`http://localhost:3000/api/live/share/${bad}`), { params: Promise.resolve({ token: bad }) });
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
    }
    await w.owner.dashboardShare.revoke({ tenantSlug: w.slug, id: share.id });
    expect((await request(token)).status).toBe(404);
  });

  it("ends an open stream within 2 s of the link's revocation; another link of the dashboard streams on", async () => {
    const { dashboard, share, token } = await sharedDashboard();
    const kept = await w.owner.dashboardShare.create({ tenantSlug: w.slug, dashboardId: dashboard.id });
    const r = await openShare(token);
    const k = await openShare(kept.token);
    const at = Date.now();
    await callerAs(w.users.owner).dashboardShare.revoke({ tenantSlug: w.slug, id: share.id });
    await waitFor(() => (r.state.closed ? true : undefined), 2000);
    expect(Date.now() - at).toBeLessThan(2000);
    expect(r.events.some((e) => e.event === "revoked")).toBe(true);

    await pause(300);
    expect(k.state.closed).toBe(false);
    await redis.publish(
      channelOf(w.tenant.id),
      JSON.stringify([{ type: "telemetry", deviceId: shown.uuid, ts: 7, values: { temperature: 7 } }]),
    );
    await waitFor(() => (k.messages().length > 0 ? true : undefined));
    expect(r.messages()).toEqual([]);
  });

  it("ends when the dashboard is deleted", async () => {
    const { dashboard, token } = await sharedDashboard();
    const r = await openShare(token);
    await w.owner.dashboard.delete({ tenantSlug: w.slug, id: dashboard.id });
    await waitFor(() => (r.state.closed ? true : undefined), 2000);
    expect(r.events.some((e) => e.event === "revoked")).toBe(true);
  });

  it("asks the page to reload when the dashboard is edited, and follows the new layout's series", async () => {
    const { dashboard, token } = await sharedDashboard();
    const r = await openShare(token);
    await w.owner.dashboard.update({
      tenantSlug: w.slug,
      id: dashboard.id,
      version: dashboard.version,
      layout: layoutOf(shown.id, [{ deviceId: notShown.id, key: "humidity" }]),
    });
    await waitFor(() => (r.events.some((e) => e.event === "resync") ? true : undefined), 2000);
    expect(r.state.closed).toBe(false);
    await redis.publish(
      channelOf(w.tenant.id),
      JSON.stringify([{ type: "telemetry", deviceId: notShown.uuid, ts: 9, values: { humidity: 33, temperature: 1 } }]),
    );
    const msgs = await waitFor(() => (r.messages().length > 0 ? r.messages() : undefined));
    expect(msgs).toEqual([{ type: "telemetry", deviceId: notShown.id, ts: 9, values: { humidity: 33 } }]);
  });

  it("re-checks the link periodically when no announcement came (revoked behind its back)", async () => {
    const { share, token } = await sharedDashboard();
    const r = await openShare(token, 100);
    // Revoked without announcing it (as if the Redis message were lost): the periodic re-check ends it.
    await withTenant(getDb(), w.tenant.id, (tx) => revokeDashboardShare(tx, w.tenant.id, parsePublicId("shr", share.id) ?? ""));
    await waitFor(() => (r.state.closed ? true : undefined), 3000);
    expect(r.events.some((e) => e.event === "revoked")).toBe(true);
  });

  it("ends at the periodic re-check when the tenant is suspended", async () => {
    const t = await createDeviceWorld();
    const dev = await createTestDevice(t);
    const d = await t.owner.dashboard.create({
      tenantSlug: t.slug,
      name: "Suspended",
      layout: { widgets: layoutOf(dev.id).widgets.slice(0, 1) },
    });
    const { token } = await t.owner.dashboardShare.create({ tenantSlug: t.slug, dashboardId: d.id });
    const r = await openShare(token, 100);
    await withSystem(getSystemDb(), (tx) =>
      tx.update(schema.tenants).set({ status: "suspended" }).where(eq(schema.tenants.id, t.tenant.id)),
    );
    await waitFor(() => (r.state.closed ? true : undefined), 3000);
    expect(r.events.some((e) => e.event === "revoked")).toBe(true);
    expect((await request(token)).status).toBe(404);
  });

  it("holds at most 50 open streams of one link (429 beyond), and frees a place when one closes", async () => {
    const { token } = await sharedDashboard();
    const streams = await Promise.all(Array.from({ length: 50 }, () => openShare(token)));
    const refused = await request(token);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
    await streams[0]?.cancel();
    await openShare(token);
    await Promise.all(streams.map((r) => r.cancel()));
  });
});
