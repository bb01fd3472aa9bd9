import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { withSystem, withTenant } from "../../tenant";
import { testDb, testSystemDb } from "../../testing";
import { insertTelemetryRows, type TelemetryRow } from "../broker/ingest";
import { historyBuckets, historyBucketsMany, historyBucketsSql, historyRawPoints, type HistoryBucketsRequest } from "./series";
import { rollupWatermark, runRollup } from "./rollup";

const db = testDb();
const system = testSystemDb();
afterAll(async () => {
  await db.$close();
  await system.$close();
});

const T = (iso: string) => Date.parse(iso);
const row = (tenantId: string, deviceId: string, ts: number, v: number | boolean, key = "t"): TelemetryRow => ({
  tenantId,
  deviceId,
  key,
  ts,
  valueNum: typeof v === "number" ? v : null,
  valueBool: typeof v === "boolean" ? v : null,
  valueStr: null,
});
const insert = (rows: TelemetryRow[]) => withSystem(system, (tx) => insertTelemetryRows(tx, rows));
const buckets = (tenantId: string, r: Omit<HistoryBucketsRequest, "key"> & { key?: string }) =>
  withTenant(db, tenantId, (tx) => historyBuckets(tx, tenantId, { key: "t", ...r }));
const rollup1m = (tenantId: string, deviceId: string) =>
  withSystem(system, (tx) =>
    tx.execute<{ bucket: Date; min: number; max: number; sum: number; count: string }>(
      sql`select bucket, min, max, sum, count from telemetry_rollup_1m where tenant_id = ${tenantId} and device_id = ${deviceId} order by bucket`,
    ),
  );
const rollup1h = (tenantId: string, deviceId: string) =>
  withSystem(system, (tx) =>
    tx.execute<{ bucket: Date; min: number; max: number; sum: number; count: string }>(
      sql`select bucket, min, max, sum, count from telemetry_rollup_1h where tenant_id = ${tenantId} and device_id = ${deviceId} order by bucket`,
    ),
  );
/** Runs the rollup until the queue is drained (another test file may be running one at the same time). */
async function rollupUntilDrained() {
  for (let i = 0; i < 50; i++) {
    const r = await runRollup(system);
    if (r.rolledUpTo) return r;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error("rollup never drained the queue");
}

describe("historyBuckets (raw source)", () => {
  it("averages per bucket and returns empty buckets as nulls, the bucket cut by `to` as partial", async () => {
    const tenant = randomUUID();
    const dev = randomUUID();
    await insert([
      row(tenant, dev, T("2026-11-20T10:00:10Z"), 1),
      row(tenant, dev, T("2026-11-20T10:00:50Z"), 3),
      row(tenant, dev, T("2026-11-20T10:03:00Z"), 10),
      row(tenant, dev, T("2026-11-20T10:04:30Z"), 7),
      // Outside the range and another tenant's row at the same device id: not counted.
      row(tenant, dev, T("2026-11-20T10:05:00Z"), 100),
      row(randomUUID(), dev, T("2026-11-20T10:01:00Z"), 100),
    ]);
    const got = await buckets(tenant, {
      deviceId: dev,
      from: new Date("2026-11-20T10:00:00Z"),
      to: new Date("2026-11-20T10:04:20Z"),
      bucketSeconds: 60,
      timeZone: "UTC",
      source: "raw",
    });
    expect(got).toEqual([
      { ts: T("2026-11-20T10:00:00Z"), avg: 2, min: 1, max: 3, count: 2, partial: false },
      { ts: T("2026-11-20T10:01:00Z"), avg: null, min: null, max: null, count: 0, partial: false },
      { ts: T("2026-11-20T10:02:00Z"), avg: null, min: null, max: null, count: 0, partial: false },
      { ts: T("2026-11-20T10:03:00Z"), avg: 10, min: 10, max: 10, count: 1, partial: false },
      // 10:04:30 is after `to`: the last bucket is empty and cut by the range's end.
      { ts: T("2026-11-20T10:04:00Z"), avg: null, min: null, max: null, count: 0, partial: true },
    ]);
  });

  it("day buckets follow the local calendar across a DST change (Europe/Berlin, 25-hour 25 Oct 2026)", async () => {
    const tenant = randomUUID();
    const dev = randomUUID();
    // One value every UTC hour from 24 Oct 00:00 Berlin (22:00Z on the 23rd, CEST) to 27 Oct 00:00 Berlin (23:00Z on the 26th, CET).
    const rows: TelemetryRow[] = [];
    for (let t = T("2026-10-23T22:00:00Z"); t < T("2026-10-26T23:00:00Z"); t += 3_600_000) rows.push(row(tenant, dev, t, 1));
    await insert(rows);
    const got = await buckets(tenant, {
      deviceId: dev,
      from: new Date("2026-10-24T08:00:00+02:00"),
      to: new Date("2026-10-27T00:00:00+01:00"),
      bucketSeconds: 86_400,
      timeZone: "Europe/Berlin",
      source: "raw",
    });
    // Hand-computed: buckets start at local midnight; the 25th has 25 hours (03:00 CEST → 02:00 CET).
    expect(got.map((b) => [new Date(b.ts).toISOString(), b.count])).toEqual([
      ["2026-10-23T22:00:00.000Z", 24],
      ["2026-10-24T22:00:00.000Z", 25],
      ["2026-10-25T23:00:00.000Z", 24],
    ]);
  });

  it("sub-day buckets are fixed-length from local midnight: 6 h buckets in Berlin keep their length across DST", async () => {
    const tenant = randomUUID();
    const dev = randomUUID();
    const rows: TelemetryRow[] = [];
    for (let t = T("2026-10-24T22:00:00Z"); t < T("2026-10-25T22:00:00Z"); t += 3_600_000) rows.push(row(tenant, dev, t, 2));
    await insert(rows);
    const got = await buckets(tenant, {
      deviceId: dev,
      from: new Date("2026-10-24T22:00:00Z"), // 25 Oct 00:00 CEST
      to: new Date("2026-10-25T22:00:00Z"),
      bucketSeconds: 21_600,
      timeZone: "Europe/Berlin",
      source: "raw",
    });
    expect(got.map((b) => [new Date(b.ts).toISOString(), b.count, b.avg])).toEqual([
      ["2026-10-24T22:00:00.000Z", 6, 2],
      ["2026-10-25T04:00:00.000Z", 6, 2],
      ["2026-10-25T10:00:00.000Z", 6, 2],
      ["2026-10-25T16:00:00.000Z", 6, 2],
    ]);
  });
});

describe("rollups", () => {
  it("roll up minutes and hours, and late data recomputes exactly the buckets it landed in", async () => {
    const tenant = randomUUID();
    const dev = randomUUID();
    await insert([
      row(tenant, dev, T("2026-11-21T08:00:05Z"), 1),
      row(tenant, dev, T("2026-11-21T08:00:35Z"), 2),
      row(tenant, dev, T("2026-11-21T08:00:55Z"), 3),
      row(tenant, dev, T("2026-11-21T08:01:10Z"), 5),
      row(tenant, dev, T("2026-11-21T09:30:00Z"), true),
    ]);
    await rollupUntilDrained();
    const m = (await rollup1m(tenant, dev)).map((r) => [new Date(r.bucket).toISOString(), r.min, r.max, r.sum, Number(r.count)]);
    expect(m).toEqual([
      ["2026-11-21T08:00:00.000Z", 1, 3, 6, 3],
      ["2026-11-21T08:01:00.000Z", 5, 5, 5, 1],
      ["2026-11-21T09:30:00.000Z", 1, 1, 1, 1],
    ]);
    expect((await rollup1h(tenant, dev)).map((r) => [new Date(r.bucket).toISOString(), r.min, r.max, r.sum, Number(r.count)])).toEqual([
      ["2026-11-21T08:00:00.000Z", 1, 5, 11, 4],
      ["2026-11-21T09:00:00.000Z", 1, 1, 1, 1],
    ]);

    // Mark an untouched bucket so that a recompute of it would show.
    await withSystem(system, (tx) =>
      tx.execute(
        sql`update telemetry_rollup_1m set sum = 999 where tenant_id = ${tenant} and device_id = ${dev} and bucket = ${"2026-11-21T08:01:00Z"}::timestamptz`,
      ),
    );
    // Late data for 08:00 (and a redelivered duplicate, which changes nothing).
    await insert([row(tenant, dev, T("2026-11-21T08:00:45Z"), 10), row(tenant, dev, T("2026-11-21T08:00:05Z"), 1)]);
    await rollupUntilDrained();
    const after = (await rollup1m(tenant, dev)).map((r) => [new Date(r.bucket).toISOString(), r.min, r.max, r.sum, Number(r.count)]);
    expect(after).toEqual([
      ["2026-11-21T08:00:00.000Z", 1, 10, 16, 4],
      ["2026-11-21T08:01:00.000Z", 5, 5, 999, 1],
      ["2026-11-21T09:30:00.000Z", 1, 1, 1, 1],
    ]);
    // The hour is recomputed from its minutes (including the marked one, hence 999 + 16).
    expect((await rollup1h(tenant, dev))[0]).toMatchObject({ min: 1, max: 10, sum: 1015, count: "5" });

    // Idempotent: a run without new data changes nothing.
    await rollupUntilDrained();
    expect((await rollup1m(tenant, dev)).map((r) => [new Date(r.bucket).toISOString(), r.min, r.max, r.sum, Number(r.count)])).toEqual(
      after,
    );
    expect(await withSystem(system, (tx) => rollupWatermark(tx))).toBeInstanceOf(Date);
  });

  it("history from the 1 h and 1 min rollups equals the same buckets computed from raw rows", async () => {
    const tenant = randomUUID();
    const dev = randomUUID();
    const rows: TelemetryRow[] = [];
    // Every 7 minutes for 3 days, a sawtooth; a 5-hour hole on the second day.
    for (let t = T("2026-11-10T00:00:00Z"), i = 0; t < T("2026-11-13T00:00:00Z"); t += 7 * 60_000, i++) {
      if (t >= T("2026-11-11T10:00:00Z") && t < T("2026-11-11T15:00:00Z")) continue;
      rows.push(row(tenant, dev, t, (i % 13) + 0.5));
    }
    await insert(rows);
    const { rolledUpTo } = await rollupUntilDrained();
    const base = { deviceId: dev, from: new Date("2026-11-10T00:00:00Z"), to: new Date("2026-11-13T00:00:00Z"), timeZone: "Europe/Berlin" };
    const round = (bs: Awaited<ReturnType<typeof buckets>>) =>
      bs.map((b) => ({ ...b, avg: b.avg === null ? null : Math.round(b.avg * 1e9) / 1e9 }));
    for (const [bucketSeconds, source] of [
      [3600, "rollup_1h"],
      [900, "rollup_1m"],
      [86_400, "rollup_1h"],
    ] as const) {
      const raw = await buckets(tenant, { ...base, bucketSeconds, source: "raw" });
      const fromRollup = await buckets(tenant, { ...base, bucketSeconds, source, rolledUpTo });
      expect(round(fromRollup)).toEqual(round(raw));
      expect(raw.some((b) => b.avg === null)).toBe(bucketSeconds !== 86_400);
    }
    // Without a watermark (rollups not trusted yet) the same buckets come from raw rows.
    expect(round(await buckets(tenant, { ...base, bucketSeconds: 3600, source: "rollup_1h", rolledUpTo: null }))).toEqual(
      round(await buckets(tenant, { ...base, bucketSeconds: 3600, source: "raw" })),
    );
  });

  it("rows inserted after the watermark are read raw, so the newest minutes are never missing", async () => {
    const tenant = randomUUID();
    const dev = randomUUID();
    await insert([row(tenant, dev, T("2026-11-22T10:00:00Z"), 4)]);
    const { rolledUpTo } = await rollupUntilDrained();
    // Not rolled up yet; its minute is after a watermark placed right before it.
    await insert([row(tenant, dev, T("2026-11-22T11:30:00Z"), 8)]);
    const got = await buckets(tenant, {
      deviceId: dev,
      from: new Date("2026-11-22T10:00:00Z"),
      to: new Date("2026-11-22T12:00:00Z"),
      bucketSeconds: 3600,
      timeZone: "UTC",
      source: "rollup_1h",
      rolledUpTo: new Date(Math.min(rolledUpTo!.getTime(), T("2026-11-22T11:00:00Z"))),
    });
    expect(got.map((b) => [b.avg, b.count])).toEqual([
      [4, 1],
      [8, 1],
    ]);
  });
});

describe("the newest hour", () => {
  it("comes from the 1 min rollup up to the watermark and raw after it, in the 1 h source", async () => {
    const tenant = randomUUID();
    const dev = randomUUID();
    await insert([row(tenant, dev, T("2026-11-23T09:30:00Z"), 1), row(tenant, dev, T("2026-11-23T10:05:00Z"), 4)]);
    await rollupUntilDrained();
    // Only the rollups hold 10:05 now: a statement reading that minute raw would miss it.
    await withSystem(system, (tx) =>
      tx.execute(
        sql`delete from telemetry where tenant_id = ${tenant} and device_id = ${dev} and ts = ${new Date(T("2026-11-23T10:05:00Z")).toISOString()}::timestamptz`,
      ),
    );
    await insert([row(tenant, dev, T("2026-11-23T10:40:00Z"), 8)]);
    const got = await buckets(tenant, {
      deviceId: dev,
      from: new Date("2026-11-23T09:00:00Z"),
      to: new Date("2026-11-23T11:00:00Z"),
      bucketSeconds: 3600,
      timeZone: "UTC",
      source: "rollup_1h",
      rolledUpTo: new Date("2026-11-23T10:20:00Z"),
    });
    expect(got.map((b) => [b.min, b.max, b.count])).toEqual([
      [1, 1, 1],
      [4, 8, 2],
    ]);
  });
});

describe("historyBucketsMany", () => {
  it("gives each series the same buckets as a query of its own, in the order asked", async () => {
    const tenant = randomUUID();
    const [a, b] = [randomUUID(), randomUUID()];
    const rows: TelemetryRow[] = [];
    for (let i = 0; i < 50; i++)
      rows.push(
        row(tenant, a, T("2026-11-24T10:00:00Z") + i * 97_000, i),
        row(tenant, b, T("2026-11-24T10:30:00Z") + i * 13_000, 100 - i, "u"),
      );
    await insert(rows);
    const base = {
      from: new Date("2026-11-24T10:00:00Z"),
      to: new Date("2026-11-24T12:00:00Z"),
      bucketSeconds: 600,
      timeZone: "Asia/Kolkata",
      source: "raw" as const,
    };
    const many = await withTenant(db, tenant, (tx) =>
      historyBucketsMany(tx, tenant, {
        ...base,
        series: [
          { deviceId: b, key: "u" },
          { deviceId: a, key: "t" },
          { deviceId: a, key: "missing" },
        ],
      }),
    );
    expect(many[0]).toEqual(await buckets(tenant, { ...base, deviceId: b, key: "u" }));
    expect(many[1]).toEqual(await buckets(tenant, { ...base, deviceId: a }));
    expect(many[2]!.every((x) => x.count === 0)).toBe(true);
    expect(many[0]!.reduce((n, x) => n + x.count, 0)).toBe(50);
    // Kolkata is UTC+5:30: 10-minute buckets from local midnight still fall on :00, :10, … UTC.
    expect(new Date(many[1]![0]!.ts).toISOString()).toBe("2026-11-24T10:00:00.000Z");
  });
});

describe("fixed-width buckets laid out in TypeScript", () => {
  it("equal the buckets Postgres lays out with generate_series: gaps, the partial last bucket, DST, rollup and raw", async () => {
    const tenant = randomUUID();
    const dev = randomUUID();
    const rows: TelemetryRow[] = [];
    // Around the Berlin DST change (25 Oct 2026), every 11 minutes with a 3-hour hole, up to 20 minutes ago.
    const now = Date.now();
    for (let t = T("2026-10-24T20:00:00Z"), i = 0; t < T("2026-10-25T08:00:00Z"); t += 11 * 60_000, i++)
      if (t < T("2026-10-25T01:00:00Z") || t >= T("2026-10-25T04:00:00Z")) rows.push(row(tenant, dev, t, i % 7));
    for (let t = now - 3 * 3600_000, i = 0; t < now - 20 * 60_000; t += 11 * 60_000, i++) rows.push(row(tenant, dev, t, i));
    await insert(rows);
    const { rolledUpTo } = await rollupUntilDrained();
    const cases: Omit<HistoryBucketsRequest, "deviceId" | "key">[] = [
      {
        from: new Date("2026-10-24T19:07:00Z"),
        to: new Date("2026-10-25T09:00:00Z"),
        bucketSeconds: 3600,
        timeZone: "Europe/Berlin",
        source: "raw",
      },
      {
        from: new Date("2026-10-24T19:07:00Z"),
        to: new Date("2026-10-25T09:13:00Z"),
        bucketSeconds: 1800,
        timeZone: "Europe/Berlin",
        source: "rollup_1m",
        rolledUpTo,
      },
      {
        from: new Date("2026-10-24T00:00:00Z"),
        to: new Date("2026-10-26T00:00:00Z"),
        bucketSeconds: 21_600,
        timeZone: "America/New_York",
        source: "rollup_1h",
        rolledUpTo,
      },
      // Ends in the future: the buckets after now are partial.
      { from: new Date(now - 4 * 3600_000), to: new Date(now + 3600_000), bucketSeconds: 900, timeZone: "Asia/Kolkata", source: "raw" },
    ];
    for (const c of cases) {
      const request = { ...c, series: [{ deviceId: dev, key: "t" }] };
      const [mine] = await withTenant(db, tenant, (tx) => historyBucketsMany(tx, tenant, request));
      const byPostgres = await withTenant(db, tenant, (tx) =>
        tx.execute<{ ms: string; mn: number | null; mx: number | null; sm: number | null; n: string; partial: boolean }>(
          historyBucketsSql(tenant, request),
        ),
      );
      const expected = byPostgres.map((x) => ({
        ts: Number(x.ms),
        count: Number(x.n),
        min: Number(x.n) > 0 ? x.mn : null,
        max: Number(x.n) > 0 ? x.mx : null,
        partial: x.partial,
      }));
      expect(mine?.map(({ ts, count, min, max, partial }) => ({ ts, count, min, max, partial }))).toEqual(expected);
      expect(expected.some((b) => b.count === 0)).toBe(true);
      expect(expected.some((b) => b.count > 0)).toBe(true);
    }
  });
});

describe("historyRawPoints", () => {
  it("returns typed values oldest first, up to the limit", async () => {
    const tenant = randomUUID();
    const dev = randomUUID();
    await insert([
      row(tenant, dev, T("2026-11-23T10:00:00Z"), 1),
      row(tenant, dev, T("2026-11-23T10:00:01Z"), true),
      row(tenant, dev, T("2026-11-23T10:00:02Z"), 3),
    ]);
    const got = await withTenant(db, tenant, (tx) =>
      historyRawPoints(tx, tenant, {
        deviceId: dev,
        key: "t",
        from: new Date("2026-11-23T10:00:00Z"),
        to: new Date("2026-11-23T11:00:00Z"),
        limit: 2,
      }),
    );
    expect(got).toEqual([
      { ts: T("2026-11-23T10:00:00Z"), value: 1 },
      { ts: T("2026-11-23T10:00:01Z"), value: true },
    ]);
  });
});
