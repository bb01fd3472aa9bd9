import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../client";
import { withSystem, withTenant } from "../tenant";
import { createTestTenant, createTestUser, testDb, testSystemDb, type TestTenant } from "../testing";
import { listDevices, listDevicesAfter } from "./devices";

// Devices registered in one transaction (a bulk import) share created_at, so the tie order decides the lists.
// The console's numbered pages and the REST keyset pages must agree, and only (created_at desc, id desc) is
// the order of the (tenant, created_at, id) index read backwards: with ascending ids PostgreSQL sorted all
// of a tenant's devices for every console page (an incremental sort cannot help when every row ties).

const deviceCount = 120;
let db: Database;
let sys: Database;
let tenant: TestTenant;

beforeAll(async () => {
  db = testDb();
  sys = testSystemDb();
  const user = await createTestUser(sys);
  tenant = await createTestTenant(sys, { ownerId: user.id });
  await withSystem(sys, async (tx) => {
    await tx.execute(sql`
      with p as (
        insert into products (tenant_id, name, thing_model, product_key)
        values (${tenant.id}, 'order', '{"properties":[],"events":[],"commands":[]}', ${`pk_order_${tenant.slug}`})
        returning id
      )
      insert into devices (tenant_id, product_id, name, secret_hash, secret_hint)
      select ${tenant.id}, p.id, 'dev-' || g, ${`order-${tenant.slug}-`} || g, '…' from p, generate_series(1, ${deviceCount}::int) g`);
  });
});

afterAll(async () => {
  await db?.$close();
  await sys?.$close();
});

describe("device lists when every device shares one created_at", () => {
  it("numbered pages list in the keyset pages' order: ties by id, descending", async () => {
    await withTenant(db, tenant.id, async (tx) => {
      const keyset = await listDevicesAfter(tx, tenant.id, { limit: 100 });
      const one = await listDevices(tx, tenant.id, { page: 1, pageSize: 50 });
      const two = await listDevices(tx, tenant.id, { page: 2, pageSize: 50 });
      const ids = [...one.items, ...two.items].map((d) => d.id);
      expect(ids).toEqual(keyset.items.map((d) => d.id));
      expect(ids).toEqual([...ids].sort().reverse());
      expect(one.total).toBe(deviceCount);
    });
  });
});
