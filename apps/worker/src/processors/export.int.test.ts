import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { withSystem } from "@aspen/db";
import { findExport, insertExport, setTenantRetention } from "@aspen/db/history";
import { createTestTenant, createTestUser, randomSuffix, testSystemDb } from "@aspen/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expireExports, writeExportFile } from "./export";

const db = testSystemDb();
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "aspen-export-test-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await db.$close();
});

async function world() {
  const owner = await createTestUser(db);
  const tenant = await createTestTenant(db, { ownerId: owner.id });
  await withSystem(db, (tx) => setTenantRetention(tx, tenant.id, 30));
  const productId = randomUUID();
  const deviceId = randomUUID();
  const name = `d-${randomSuffix()}`;
  await withSystem(db, async (tx) => {
    await tx.execute(sql`insert into products (id, tenant_id, name, thing_model, product_key)
      values (${productId}, ${tenant.id}, ${`p-${randomSuffix()}`}, '{"properties":[],"events":[],"commands":[]}'::jsonb, ${`pk${randomSuffix()}`})`);
    await tx.execute(
      sql`insert into devices (id, tenant_id, product_id, name, secret_hash, secret_hint) values (${deviceId}, ${tenant.id}, ${productId}, ${name}, ${randomUUID()}, 'x')`,
    );
  });
  return { tenantId: tenant.id, productId, deviceId, name };
}

describe("export worker", () => {
  it("writes the rows of the range to a file (complete or not at all), then deletes it after its expiry", async () => {
    const w = await world();
    const t0 = Date.now() - 3_600_000;
    await withSystem(db, (tx) =>
      tx.execute(sql`insert into telemetry (tenant_id, device_id, key, ts, value_num)
        select ${w.tenantId}, ${w.deviceId}, 'temperature', ${new Date(t0).toISOString()}::timestamptz + g * interval '1 second', g
        from generate_series(0, 12344) g`),
    );
    const e = await withSystem(db, (tx) =>
      insertExport(tx, {
        tenantId: w.tenantId,
        productId: w.productId,
        from: new Date(t0),
        to: new Date(t0 + 20_000_000),
        format: "jsonl",
        expectedRows: 12_345,
      }),
    );
    const r = await writeExportFile(db, dir, w.tenantId, e.id);
    expect(r.rows).toBe(12_345);
    const done = await withSystem(db, (tx) => findExport(tx, w.tenantId, e.id));
    expect(done).toMatchObject({ status: "done", rowCount: 12_345, fileName: `${e.id}.jsonl` });
    expect(done!.expiresAt!.getTime() - done!.finishedAt!.getTime()).toBe(24 * 3_600_000);
    const lines = (await readFile(join(dir, done!.fileName!), "utf8")).trimEnd().split("\n");
    expect(lines).toHaveLength(12_345);
    expect(JSON.parse(lines[0]!)).toMatchObject({ device: w.name, key: "temperature", value: 0, ts: new Date(t0).toISOString() });
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ value: 12_344 });
    expect((await readdir(dir)).filter((f) => f.endsWith(".part"))).toEqual([]);

    // Not yet expired: kept. A day later: the file is deleted and the row forgets it.
    await expireExports(db, dir, Date.now());
    expect(await readdir(dir)).toContain(done!.fileName);
    await expireExports(db, dir, Date.now() + 25 * 3_600_000);
    expect(await readdir(dir)).not.toContain(done!.fileName);
    expect((await withSystem(db, (tx) => findExport(tx, w.tenantId, e.id)))!.fileName).toBeNull();
  });

  it("marks an export whose rows are gone as empty, without a file", async () => {
    const w = await world();
    const e = await withSystem(db, (tx) =>
      insertExport(tx, {
        tenantId: w.tenantId,
        deviceId: w.deviceId,
        from: new Date(Date.now() - 60_000),
        to: new Date(),
        format: "csv",
        expectedRows: 5,
      }),
    );
    await writeExportFile(db, dir, w.tenantId, e.id);
    expect(await withSystem(db, (tx) => findExport(tx, w.tenantId, e.id))).toMatchObject({ status: "empty", fileName: null });
  });
});
