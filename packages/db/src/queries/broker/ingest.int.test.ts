import { randomUUID } from "node:crypto";
import { asc, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../client";
import { telemetry } from "../../schema";
import { testSystemDb } from "../../testing";
import { insertTelemetryRows, writeTelemetryBatch, type TelemetryRow } from "./ingest";

// telemetry has no foreign keys (it is partitioned): random tenant and device ids will do.
let db: Database;
const tenantA = randomUUID();
const tenantB = randomUUID();
const base = Date.now() - 60_000;

beforeAll(() => {
  db = testSystemDb();
});

afterAll(async () => {
  await db?.delete(telemetry).where(inArray(telemetry.tenantId, [tenantA, tenantB]));
  await db?.$close();
});

const row = (tenantId: string, deviceId: string, key: string, dt: number, value: number | boolean | string): TelemetryRow => ({
  tenantId,
  deviceId,
  key,
  ts: base + dt,
  valueNum: typeof value === "number" ? value : null,
  valueBool: typeof value === "boolean" ? value : null,
  valueStr: typeof value === "string" ? value : null,
});

const stored = async (deviceIds: string[]) =>
  (
    await db
      .select()
      .from(telemetry)
      .where(inArray(telemetry.deviceId, deviceIds))
      .orderBy(asc(telemetry.deviceId), asc(telemetry.tenantId), asc(telemetry.key), asc(telemetry.ts))
  ).map((r) => [r.tenantId, r.deviceId, r.key, r.ts.getTime() - base, r.valueNum ?? r.valueBool ?? r.valueStr]);

describe("telemetry batches", () => {
  it("store every row with its own tenant, device and typed value", async () => {
    const [d1, d2] = [randomUUID(), randomUUID()];
    const rows = [
      row(tenantA, d1, "t", 0, 21.5),
      row(tenantA, d2, "on", 0, true),
      row(tenantA, d1, "mode", 1, 'a "quoted" \\ value'),
      // the same device id under another tenant is a separate series, never folded into the first
      row(tenantB, d1, "t", 0, 7),
    ];
    expect(await writeTelemetryBatch(db, rows)).toBe(4);
    const all = await stored([d1, d2]);
    expect(all).toHaveLength(4);
    expect(all).toEqual(
      expect.arrayContaining([
        [tenantA, d1, "t", 0, 21.5],
        [tenantA, d1, "mode", 1, 'a "quoted" \\ value'],
        [tenantB, d1, "t", 0, 7],
        [tenantA, d2, "on", 0, true],
      ]),
    );
  });

  it("skip rows that exist already (a redelivery), in the same batch and across batches, and keep the new ones", async () => {
    const d = randomUUID();
    expect(await writeTelemetryBatch(db, [row(tenantA, d, "t", 0, 1), row(tenantA, d, "t", 1, 2)])).toBe(2);
    // a redelivered message next to a new one; and a duplicate within the batch itself
    expect(await writeTelemetryBatch(db, [row(tenantA, d, "t", 1, 99), row(tenantA, d, "t", 2, 3), row(tenantA, d, "t", 2, 3)])).toBe(1);
    expect(await db.transaction((tx) => insertTelemetryRows(tx, [row(tenantA, d, "t", 0, 5), row(tenantA, d, "t", 3, 4)]))).toBe(1);
    expect((await stored([d])).map((r) => [r[3], r[4]])).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
  });
});
