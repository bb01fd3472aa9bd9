import { randomUUID } from "node:crypto";
import { withSystem } from "@aspen/db";
import { setTenantRetention, telemetryPartitions, tenantRetentions } from "@aspen/db/history";
import { createTestTenant, createTestUser, randomSuffix, testSystemDb } from "@aspen/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { applyRetention } from "./retention";

const db = testSystemDb();
afterAll(() => db.$close());

const day = 86_400_000;

async function tenantWithDevice(retentionDays: number) {
  const owner = await createTestUser(db);
  const tenant = await createTestTenant(db, { ownerId: owner.id });
  await withSystem(db, (tx) => setTenantRetention(tx, tenant.id, retentionDays));
  const productId = randomUUID();
  const deviceId = randomUUID();
  await withSystem(db, async (tx) => {
    await tx.execute(sql`insert into products (id, tenant_id, name, thing_model, product_key)
      values (${productId}, ${tenant.id}, ${`p-${randomSuffix()}`}, '{"properties":[],"events":[],"commands":[]}'::jsonb, ${`pk${randomSuffix()}`})`);
    await tx.execute(sql`insert into devices (id, tenant_id, product_id, name, secret_hash, secret_hint)
      values (${deviceId}, ${tenant.id}, ${productId}, ${`d-${randomSuffix()}`}, ${randomUUID()}, 'x')`);
  });
  return { tenantId: tenant.id, deviceId };
}

/** One row in every retained table at `at`, tagged by `tag` so each can be found again. */
async function rowsAt(t: { tenantId: string; deviceId: string }, at: number, tag: string) {
  const ts = new Date(at).toISOString();
  await withSystem(db, async (tx) => {
    await tx.execute(
      sql`insert into telemetry (tenant_id, device_id, key, ts, value_num) values (${t.tenantId}, ${t.deviceId}, ${tag}, ${ts}::timestamptz, 1)`,
    );
    await tx.execute(
      sql`insert into device_events (tenant_id, device_id, event, level, ts) values (${t.tenantId}, ${t.deviceId}, ${tag}, 'info', ${ts}::timestamptz)`,
    );
    await tx.execute(sql`insert into device_connections (tenant_id, device_id, broker_id, client_id, protocol, connected_at, disconnected_at)
      values (${t.tenantId}, ${t.deviceId}, 'b', ${tag}, 'mqtt', ${ts}::timestamptz, ${ts}::timestamptz)`);
    await tx.execute(
      sql`insert into device_errors (tenant_id, device_id, kind, reason, at) values (${t.tenantId}, ${t.deviceId}, 'x', ${tag}, ${ts}::timestamptz)`,
    );
    await tx.execute(sql`insert into telemetry_rollup_1m (tenant_id, device_id, key, bucket, min, max, sum, count)
      values (${t.tenantId}, ${t.deviceId}, ${tag}, date_bin('1 minute', ${ts}::timestamptz, 'epoch'), 1, 1, 1, 1)`);
  });
}

async function tagsLeft(t: { tenantId: string; deviceId: string }) {
  return withSystem(db, async (tx) => {
    const q = async (s: ReturnType<typeof sql>) => (await tx.execute<{ tag: string }>(s)).map((r) => r.tag).sort();
    return {
      telemetry: await q(sql`select key as tag from telemetry where tenant_id = ${t.tenantId}`),
      events: await q(sql`select event as tag from device_events where tenant_id = ${t.tenantId}`),
      connections: await q(sql`select client_id as tag from device_connections where tenant_id = ${t.tenantId}`),
      errors: await q(sql`select reason as tag from device_errors where tenant_id = ${t.tenantId}`),
      rollups: await q(sql`select key as tag from telemetry_rollup_1m where tenant_id = ${t.tenantId}`),
    };
  });
}

describe("retention", () => {
  it("deletes exactly the rows older than each tenant's retention, in small batches, and never another tenant's", async () => {
    const now = Date.now();
    const short = await tenantWithDevice(10);
    const long = await tenantWithDevice(30);
    for (const t of [short, long]) {
      await rowsAt(t, now - 20 * day, "old");
      await rowsAt(t, now - 11 * day, "older");
      await rowsAt(t, now - 9 * day, "recent");
      await rowsAt(t, now - 60_000, "new");
    }
    // An open connection older than the retention is kept (the device is still connected).
    await withSystem(db, (tx) =>
      tx.execute(sql`insert into device_connections (tenant_id, device_id, broker_id, client_id, protocol, connected_at)
        values (${short.tenantId}, ${short.deviceId}, 'b', 'open', 'mqtt', ${new Date(now - 20 * day).toISOString()}::timestamptz)`),
    );
    // Batch size 1: every table takes several batches, each its own transaction.
    const r = await applyRetention(db, { batchSize: 1, maxBatches: 100_000 }, now);
    expect(r.complete).toBe(true);
    const kept = ["new", "recent"];
    expect(await tagsLeft(short)).toEqual({
      telemetry: kept,
      events: kept,
      connections: ["new", "open", "recent"],
      errors: kept,
      rollups: kept,
    });
    const all = ["new", "old", "older", "recent"];
    expect(await tagsLeft(long)).toEqual({ telemetry: all, events: all, connections: all, errors: all, rollups: all });
    expect(r.deleted.telemetry).toBeGreaterThanOrEqual(2);
  });

  it("stops after maxBatches and goes on in the next run", async () => {
    const now = Date.now();
    const t = await tenantWithDevice(5);
    for (let i = 0; i < 3; i++) await rowsAt(t, now - (20 + i) * day, `old${i}`);
    const first = await applyRetention(db, { batchSize: 1, maxBatches: 2 }, now);
    expect(first.complete).toBe(false);
    await applyRetention(db, { batchSize: 1000, maxBatches: 100_000 }, now);
    expect((await tagsLeft(t)).telemetry).toEqual([]);
  });

  it("drops only whole month partitions older than the longest retention", async () => {
    const now = Date.now();
    const t = await tenantWithDevice(30);
    // A partition from long ago (January 2024) with a row in it; this month's and the default stay.
    await db.execute(sql`select aspen_ensure_telemetry_partitions('2024-01-15T00:00:00Z'::timestamptz, 1)`);
    await withSystem(db, (tx) =>
      tx.execute(
        sql`insert into telemetry (tenant_id, device_id, key, ts, value_num) values (${t.tenantId}, ${t.deviceId}, 'ancient', '2024-01-20T00:00:00Z', 1)`,
      ),
    );
    const before = await telemetryPartitions(db);
    expect(before.map((p) => p.name)).toContain("telemetry_202401");
    const r = await applyRetention(db, { batchSize: 10_000, maxBatches: 100_000 }, now);
    expect(r.dropped).toContain("telemetry_202401");
    // Hand-checked against each partition's month: dropped exactly when the month ended before the cutoff.
    // Other tests' tenants share the database: the longest retention of all of them decides.
    const longest = Math.max(...(await tenantRetentions(db)).map((x) => x.retentionDays));
    const cutoff = now - longest * day;
    const after = new Set((await telemetryPartitions(db)).map((p) => p.name));
    for (const p of before) {
      expect({ name: p.name, kept: after.has(p.name) }).toEqual({ name: p.name, kept: p.to.getTime() > cutoff });
    }
    expect(after.has(`telemetry_${new Date(now).toISOString().slice(0, 7).replace("-", "")}`)).toBe(true);
    const [def] = await db.execute<{ n: string }>(sql`select count(*) as n from pg_class where relname = 'telemetry_default'`);
    expect(Number(def!.n)).toBe(1);
  });
});
