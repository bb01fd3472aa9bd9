import { publicId } from "@aspen/core";
import { withSystem } from "@aspen/db";
import { insertTelemetryRows, type TelemetryRow } from "@aspen/db/broker";
import { runRollup } from "@aspen/db/history";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { getSystemDb } from "../../db";
import { createDeviceWorld, createTestDevice, type Caller, type DeviceWorld } from "../../device-api/testing";
import { callerAs, ensureTestEnv } from "../../testing";

ensureTestEnv();

let w: DeviceWorld;
let viewer: Caller;
let device: Awaited<ReturnType<typeof createTestDevice>>;
const minute = 60_000;
const now = Date.now();
const base = Math.floor(now / minute) * minute - 3 * 86_400_000;

async function reason(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (err) {
    if (!(err instanceof TRPCError)) throw err;
    const cause = err.cause as { reason?: string } | undefined;
    return `${err.code}:${cause?.reason ?? ""}`;
  }
}

beforeAll(async () => {
  w = await createDeviceWorld();
  viewer = callerAs(w.users.viewer);
  device = await createTestDevice(w);
  const rows: TelemetryRow[] = [];
  const r = (key: string, ts: number, v: { n?: number; b?: boolean; s?: string }): TelemetryRow => ({
    tenantId: w.tenant.id,
    deviceId: device.uuid,
    key,
    ts,
    valueNum: v.n ?? null,
    valueBool: v.b ?? null,
    valueStr: v.s ?? null,
  });
  // Three days ago: one temperature value every 2 minutes for 2 days; power toggling every 10 minutes.
  for (let i = 0; i < 1440; i++) rows.push(r("temperature", base + i * 2 * minute, { n: 20 + (i % 10) }));
  for (let i = 0; i < 12; i++) rows.push(r("on", base + i * 10 * minute, { b: i % 4 < 2 }));
  rows.push(r("mode", base, { s: "eco" }), r("mode", base + 5 * minute, { s: "eco" }), r("mode", base + 7 * minute, { s: "comfort" }));
  // The last minutes: a few humidity values (raw range).
  for (let i = 0; i < 5; i++) rows.push(r("humidity", now - 10 * minute + i * minute, { n: 40 + i }));
  await withSystem(getSystemDb(), (tx) => insertTelemetryRows(tx, rows));
  // What the worker's rollup job does every 15 s (rows this old are read from the rollups).
  for (let i = 0; i < 50 && !(await runRollup(getSystemDb())).rolledUpTo; i++) await new Promise((r) => setTimeout(r, 100));
});

describe("history.series", () => {
  it("returns raw values for a short range and min/avg/max buckets (≤ 1,000) for a long one", async () => {
    const short = await viewer.history.series({
      tenantSlug: w.slug,
      series: [{ deviceId: device.id, key: "humidity" }],
      from: new Date(now - 15 * minute),
      to: new Date(now),
      timeZone: "Europe/Berlin",
    });
    expect(short.bucketSeconds).toBeNull();
    expect(short.series[0]!.points.map((p) => p.avg)).toEqual([40, 41, 42, 43, 44]);
    expect(short.series[0]).toMatchObject({ unit: "%", decimals: 0, kind: "numeric" });

    const long = await viewer.history.series({
      tenantSlug: w.slug,
      series: [{ deviceId: device.id, key: "temperature" }],
      from: new Date(base),
      to: new Date(base + 2 * 86_400_000),
      timeZone: "UTC",
    });
    // 2 days / 1,000 → 300 s buckets, from the 1 min rollup (or raw rows after its watermark).
    expect(long.bucketSeconds).toBe(300);
    expect(long.source).toBe("rollup_1m");
    const pts = long.series[0]!.points;
    expect(pts.length).toBeLessThanOrEqual(1000);
    expect(pts.reduce((n, p) => n + p.count, 0)).toBe(1440);
    // Hand-computed: 144 cycles of 20..29 sum to 35,280; every bucket of 5 minutes holds at most 3 values (the first one may start before the range).
    expect(Math.round(pts.reduce((n, p) => n + (p.avg ?? 0) * p.count, 0))).toBe(35_280);
    expect(pts.filter((p) => p.count > 0).every((p) => p.count >= 1 && p.count <= 3 && p.min! >= 20 && p.max! <= 29)).toBe(true);
  });

  it("gives booleans and enums as their changes of value (a state timeline)", async () => {
    const r = await viewer.history.series({
      tenantSlug: w.slug,
      series: [
        { deviceId: device.id, key: "on" },
        { deviceId: device.id, key: "mode" },
      ],
      from: new Date(base - minute),
      to: new Date(base + 3 * 3_600_000),
    });
    expect(r.series[0]).toMatchObject({ kind: "states", truncated: false });
    expect(r.series[0]!.states.map((s) => [s.ts - base, s.value])).toEqual([
      [0, true],
      [20 * minute, false],
      [40 * minute, true],
      [60 * minute, false],
      [80 * minute, true],
      [100 * minute, false],
    ]);
    expect(r.series[1]!.states.map((s) => s.value)).toEqual(["eco", "comfort"]);
    expect(r.series[1]!.enumValues).toEqual(["eco", "comfort"]);
  });

  it("refuses unknown keys, more than 20 series, inverted, unbounded and beyond-retention ranges with clear reasons", async () => {
    const ok = { tenantSlug: w.slug, from: new Date(now - 3_600_000), to: new Date(now) };
    expect(await reason(viewer.history.series({ ...ok, series: [{ deviceId: device.id, key: "nope" }] }))).toBe("BAD_REQUEST:unknown_key");
    const many = Array.from({ length: 21 }, () => ({ deviceId: device.id, key: "temperature" }));
    expect(await reason(viewer.history.series({ ...ok, series: many }))).toMatch(/^BAD_REQUEST/);
    await expect(viewer.history.series({ ...ok, series: many })).rejects.toThrow(/At most 20 series/);
    expect(
      await reason(viewer.history.series({ ...ok, from: ok.to, to: ok.from, series: [{ deviceId: device.id, key: "temperature" }] })),
    ).toBe("BAD_REQUEST:invalid_range");
    expect(
      // @ts-expect-error `to` is required: an unbounded range is refused at the boundary
      await reason(viewer.history.series({ tenantSlug: w.slug, from: ok.from, series: [{ deviceId: device.id, key: "temperature" }] })),
    ).toMatch(/^BAD_REQUEST/);
    const old = { ...ok, from: new Date(now - 31 * 86_400_000), series: [{ deviceId: device.id, key: "temperature" }] };
    expect(await reason(viewer.history.series(old))).toBe("BAD_REQUEST:beyond_retention");
    // Looked up together, reported in order: the range first, then each series in turn.
    const missing = publicId("dev", "00000000-0000-4000-8000-000000000000");
    expect(await reason(viewer.history.series({ ...old, series: [{ deviceId: device.id, key: "nope" }] }))).toBe(
      "BAD_REQUEST:beyond_retention",
    );
    const unknownThenMissing = [
      { deviceId: device.id, key: "nope" },
      { deviceId: missing, key: "temperature" },
    ];
    expect(await reason(viewer.history.series({ ...ok, series: unknownThenMissing }))).toBe("BAD_REQUEST:unknown_key");
    expect(await reason(viewer.history.series({ ...ok, series: [...unknownThenMissing].reverse() }))).toBe("NOT_FOUND:not_found");
    expect(
      await reason(viewer.history.series({ ...ok, timeZone: "Mars/Base", series: [{ deviceId: device.id, key: "temperature" }] })),
    ).toMatch(/^BAD_REQUEST/);
  });

  it("follows the tenant's retention setting", async () => {
    const tw = await createDeviceWorld();
    const d = await createTestDevice(tw);
    const input = {
      tenantSlug: tw.slug,
      series: [{ deviceId: d.id, key: "temperature" }],
      from: new Date(now - 20 * 86_400_000),
      to: new Date(now),
    };
    expect(await reason(callerAs(tw.users.viewer).history.series(input))).toBe("OK");
    expect(await reason(callerAs(tw.users.developer).tenant.setRetention({ tenantSlug: tw.slug, retentionDays: 10 }))).toBe(
      "FORBIDDEN:forbidden",
    );
    expect(await callerAs(tw.users.admin).tenant.setRetention({ tenantSlug: tw.slug, retentionDays: 10 })).toEqual({ retentionDays: 10 });
    expect(await callerAs(tw.users.viewer).tenant.retention({ tenantSlug: tw.slug })).toMatchObject({ retentionDays: 10 });
    expect(await reason(callerAs(tw.users.viewer).history.series(input))).toBe("BAD_REQUEST:beyond_retention");
    expect(await reason(callerAs(tw.users.owner).tenant.setRetention({ tenantSlug: tw.slug, retentionDays: 0 }))).toMatch(/^BAD_REQUEST/);
  });

  it("another tenant's member gets NOT_FOUND, with this tenant or this device in their own", async () => {
    const out = callerAs(w.outsider);
    const series = [{ deviceId: device.id, key: "temperature" }];
    const range = { from: new Date(now - 3_600_000), to: new Date(now) };
    expect(await reason(out.history.series({ tenantSlug: w.slug, series, ...range }))).toBe("NOT_FOUND:not_found");
    expect(await reason(out.history.series({ tenantSlug: w.outsiderTenant.slug, series, ...range }))).toBe("NOT_FOUND:not_found");
    expect(await reason(out.history.raw({ tenantSlug: w.outsiderTenant.slug, deviceId: device.id, key: "temperature", ...range }))).toBe(
      "NOT_FOUND:not_found",
    );
    expect(await reason(callerAs(null).history.series({ tenantSlug: w.slug, series, ...range }))).toBe("UNAUTHORIZED:unauthenticated");
  });
});

describe("history.raw", () => {
  it("pages a key's stored values newest first with a cursor, without gaps or repeats", async () => {
    const range = { tenantSlug: w.slug, deviceId: device.id, key: "temperature", from: new Date(base), to: new Date(base + 20 * minute) };
    const p1 = await viewer.history.raw({ ...range, pageSize: 4 });
    expect(p1.items.map((i) => i.ts - base)).toEqual([18, 16, 14, 12].map((m) => m * minute));
    expect(p1.unit).toBe("°C");
    const p2 = await viewer.history.raw({ ...range, pageSize: 4, before: p1.next! });
    expect(p2.items.map((i) => i.ts - base)).toEqual([10, 8, 6, 4].map((m) => m * minute));
    const p3 = await viewer.history.raw({ ...range, pageSize: 4, before: p2.next! });
    expect(p3.items.map((i) => i.ts - base)).toEqual([2, 0].map((m) => m * minute));
    expect(p3.next).toBeNull();
  });
});
