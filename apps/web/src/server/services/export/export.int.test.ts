import { publicId } from "@aspen/core";
import { withSystem } from "@aspen/db";
import { insertTelemetryRows, type TelemetryRow } from "@aspen/db/broker";
import { queues } from "@aspen/jobs";
import { TRPCError } from "@trpc/server";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSystemDb } from "../../db";
import { createDeviceWorld, createTestDevice, type DeviceWorld } from "../../device-api/testing";
import { callerAs, ensureTestEnv } from "../../testing";
import { handleExportDownload } from "./download";

// Exports above 50 rows go to the worker in this file, so that the file mode can be seen without a million rows.
process.env.EXPORT_STREAM_MAX_ROWS = "50";
ensureTestEnv();

let w: DeviceWorld;
let a: Awaited<ReturnType<typeof createTestDevice>>;
let b: Awaited<ReturnType<typeof createTestDevice>>;
const now = Date.now();
const t0 = now - 3_600_000;

async function reason(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (err) {
    if (!(err instanceof TRPCError)) throw err;
    return `${err.code}:${(err.cause as { reason?: string } | undefined)?.reason ?? ""}`;
  }
}

const download = (user: { id: string } | null, url: string) => {
  const [, , , slug, id] = url.split("/");
  return handleExportDownload(new Request(`http://localhost:3000${url}`), {
    tenantSlug: decodeURIComponent(slug!),
    exportId: id!,
    getSession: async () => (user ? { user: { id: user.id } } : null),
  });
};

/** The rows of the table, as the export should have them (device, key, time order). */
async function tableRows(deviceIds: string[], from: number, to: number) {
  const rows = await withSystem(getSystemDb(), (tx) =>
    tx.execute<{ ts: Date; device_id: string; name: string; key: string; n: number | null; b: boolean | null; s: string | null }>(sql`
      select t.ts, t.device_id, d.name, t.key, t.value_num as n, t.value_bool as b, t.value_str as s
      from telemetry t join devices d on d.id = t.device_id
      where t.device_id in ${deviceIds} and t.ts >= ${new Date(from).toISOString()}::timestamptz and t.ts < ${new Date(to).toISOString()}::timestamptz
      order by t.device_id, t.key, t.ts`),
  );
  return rows.map((r) => ({
    ts: new Date(r.ts).toISOString(),
    deviceId: publicId("dev", r.device_id),
    device: r.name,
    key: r.key,
    value: r.n ?? r.b ?? r.s,
  }));
}

beforeAll(async () => {
  w = await createDeviceWorld();
  a = await createTestDevice(w);
  b = await createTestDevice(w);
  const rows: TelemetryRow[] = [];
  const r = (
    d: typeof a,
    key: string,
    ts: number,
    v: Partial<Pick<TelemetryRow, "valueNum" | "valueBool" | "valueStr">>,
  ): TelemetryRow => ({
    tenantId: w.tenant.id,
    deviceId: d.uuid,
    key,
    ts,
    valueNum: v.valueNum ?? null,
    valueBool: v.valueBool ?? null,
    valueStr: v.valueStr ?? null,
  });
  for (let i = 0; i < 20; i++) rows.push(r(a, "temperature", t0 + i * 1000, { valueNum: 20 + i / 10 }));
  rows.push(r(a, "on", t0 + 500, { valueBool: true }), r(a, "mode", t0 + 700, { valueStr: 'eco, "quoted"' }));
  for (let i = 0; i < 40; i++) rows.push(r(b, "humidity", t0 + i * 1000, { valueNum: i }));
  await withSystem(getSystemDb(), (tx) => insertTelemetryRows(tx, rows));
});

describe("telemetry export", () => {
  it("streams a device's range as CSV equal to the rows in the table", async () => {
    const dev = callerAs(w.users.developer);
    const e = await dev.telemetryExport.start({ tenantSlug: w.slug, deviceId: a.id, from: new Date(t0), to: new Date(now), format: "csv" });
    expect(e).toMatchObject({ mode: "stream", status: "queued", expectedRows: 22, format: "csv" });
    const res = await download(w.users.developer, e.downloadUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("x-export-rows")).toBe("22");
    const text = await res.text();
    const lines = text.trimEnd().split("\n");
    expect(lines[0]).toBe("ts,device_id,device,key,value");
    const expected = await tableRows([a.uuid], t0, now);
    expect(lines.length - 1).toBe(expected.length);
    expect(lines.slice(1)).toEqual(
      expected.map(
        (x) => `${x.ts},${x.deviceId},${x.device},${x.key},${typeof x.value === "string" ? `"${x.value.replace(/"/g, '""')}"` : x.value}`,
      ),
    );
    const after = await dev.telemetryExport.byId({ tenantSlug: w.slug, id: e.id });
    expect(after).toMatchObject({ status: "done", rowCount: 22 });
  });

  it("exports a product's devices, only the chosen keys, as JSON Lines", async () => {
    const owner = callerAs(w.users.owner);
    const e = await owner.telemetryExport.start({
      tenantSlug: w.slug,
      productId: w.product.id,
      keys: ["temperature", "humidity"],
      from: new Date(t0),
      to: new Date(t0 + 10_000),
      format: "jsonl",
    });
    expect(e.mode).toBe("stream");
    const res = await download(w.users.owner, e.downloadUrl);
    const got = (await res.text())
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    const expected = (await tableRows([a.uuid, b.uuid], t0, t0 + 10_000)).filter((x) => x.key === "temperature" || x.key === "humidity");
    expect(got).toEqual(expected);
    expect(got).toHaveLength(20);
  });

  it("says so when the range holds no data instead of giving an empty file", async () => {
    const dev = callerAs(w.users.developer);
    const r = dev.telemetryExport.start({
      tenantSlug: w.slug,
      deviceId: a.id,
      from: new Date(now - 20 * 86_400_000),
      to: new Date(now - 10 * 86_400_000),
    });
    expect(await reason(r)).toBe("BAD_REQUEST:empty_range");
    await expect(r).rejects.toThrow(/no data in that range/i);
    expect(
      await reason(
        dev.telemetryExport.start({ tenantSlug: w.slug, deviceId: a.id, keys: ["nope"], from: new Date(t0), to: new Date(now) }),
      ),
    ).toBe("BAD_REQUEST:unknown_key");
    expect(await reason(dev.telemetryExport.start({ tenantSlug: w.slug, from: new Date(t0), to: new Date(now) }))).toMatch(/^BAD_REQUEST/);
  });

  it("runs an export above the stream limit as a worker job (file mode, not downloadable until written)", async () => {
    const dev = callerAs(w.users.developer);
    const e = await dev.telemetryExport.start({ tenantSlug: w.slug, productId: w.product.id, from: new Date(t0), to: new Date(now) });
    expect(e).toMatchObject({ mode: "file", expectedRows: 62, status: "queued", expiresAt: null });
    const redis = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
    const queue = new Queue(queues.exports, { connection: redis, prefix: process.env.BULLMQ_PREFIX ?? "aspen" });
    try {
      const uuid = e.id; // the job is keyed by the export's uuid
      const jobs = await queue.getJobs(["waiting", "delayed", "active", "completed", "failed"]);
      expect(jobs.some((j) => j.name === "export.write" && publicId("exp", (j.data as { exportId: string }).exportId) === uuid)).toBe(true);
    } finally {
      await queue.close();
      redis.disconnect();
    }
    const res = await download(w.users.developer, e.downloadUrl);
    expect(res.status).toBe(409);
    expect((await dev.telemetryExport.list({ tenantSlug: w.slug })).items.map((x) => x.id)).toContain(e.id);
  });

  it("refuses the download signed out (401), to another tenant's member (404) and to a viewer (403)", async () => {
    const e = await callerAs(w.users.developer).telemetryExport.start({
      tenantSlug: w.slug,
      deviceId: a.id,
      from: new Date(t0),
      to: new Date(now),
    });
    expect((await download(null, e.downloadUrl)).status).toBe(401);
    expect((await download(w.outsider, e.downloadUrl)).status).toBe(404);
    // The outsider's own tenant does not hold this export either.
    expect((await download(w.outsider, e.downloadUrl.replace(`/${w.slug}/`, `/${w.outsiderTenant.slug}/`))).status).toBe(404);
    expect((await download(w.users.viewer, e.downloadUrl)).status).toBe(403);
    expect((await download(w.users.developer, e.downloadUrl.replace(/exp_\w+$/, "exp_nope"))).status).toBe(404);
  });

  it("viewers cannot start exports; other tenants' members cannot see them", async () => {
    const range = { from: new Date(t0), to: new Date(now) };
    expect(await reason(callerAs(w.users.viewer).telemetryExport.start({ tenantSlug: w.slug, deviceId: a.id, ...range }))).toBe(
      "FORBIDDEN:forbidden",
    );
    const e = await callerAs(w.users.developer).telemetryExport.start({ tenantSlug: w.slug, deviceId: a.id, ...range });
    const out = callerAs(w.outsider);
    expect(await reason(out.telemetryExport.byId({ tenantSlug: w.slug, id: e.id }))).toBe("NOT_FOUND:not_found");
    expect(await reason(out.telemetryExport.byId({ tenantSlug: w.outsiderTenant.slug, id: e.id }))).toBe("NOT_FOUND:not_found");
    expect(await reason(out.telemetryExport.start({ tenantSlug: w.outsiderTenant.slug, deviceId: a.id, ...range }))).toBe(
      "NOT_FOUND:not_found",
    );
    expect((await out.telemetryExport.list({ tenantSlug: w.outsiderTenant.slug })).items.map((x) => x.id)).not.toContain(e.id);
  });
});

afterAll(() => {
  delete process.env.EXPORT_STREAM_MAX_ROWS;
});
