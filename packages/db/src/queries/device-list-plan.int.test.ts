import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Tx } from "../client";
import * as schema from "../schema";
import { withTenant } from "../tenant";
import { listDevices, listDevicesAfter } from "./devices";

// A page of devices must read about a page of rows. With the product joined into the paged query, PostgreSQL
// started from the tenant's product (row-level security tells it the tenant has about one), expected the
// tenant's devices of that product to be a few hundred (it takes tenant and product as independent, though
// each tenant has one product here), and read and sorted all of them for every page: in the REST bench,
// 10,000 devices and ~6 ms per page, with fresh statistics.
//
// The planner decides on the statistics of the whole table, so this runs on temporary copies of `devices` and
// `products` (a session's temporary tables come first in its search path), with the same indexes and the same
// row-level security policy, filled and analysed here: twelve tenants of 3,000 devices and one product each.

const tenants = Array.from({ length: 12 }, () => ({ id: randomUUID(), productId: randomUUID() }));
const perTenant = 3000;
const [tenant] = tenants as [(typeof tenants)[number]];
let client: postgres.Sql;
let db: Database;

/** Devices this transaction has read so far (heap and index fetches), from PostgreSQL's per-transaction counters. */
async function devicesRead(tx: Tx): Promise<number> {
  const [row] = await tx.execute<{ n: number }>(
    sql`select (coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0))::int as n
        from pg_stat_xact_all_tables where relid = 'pg_temp.devices'::regclass`,
  );
  return row?.n ?? 0;
}

beforeAll(async () => {
  const url = process.env.MIGRATE_DATABASE_URL;
  if (!url) throw new Error('MIGRATE_DATABASE_URL is not set: `eval "$(bash scripts/services.sh <db>)"` exports it');
  // One connection (temporary tables belong to the session), as the owner of the tables it copies.
  client = postgres(url, { max: 1, onnotice: () => {} });
  db = Object.assign(drizzle(client, { schema, casing: "snake_case" }), { $close: () => client.end({ timeout: 5 }) });
  for (const table of ["products", "devices"]) {
    const [policy] = await client<{ qual: string }[]>`
      select pg_get_expr(polqual, polrelid) as qual from pg_policy where polrelid = ${`public.${table}`}::regclass`;
    if (!policy) throw new Error(`public.${table} has no row-level security policy to copy`);
    await client.unsafe(`create temporary table ${table} (like public.${table} including all)`);
    await client.unsafe(`alter table pg_temp.${table} enable row level security`);
    await client.unsafe(`alter table pg_temp.${table} force row level security`);
    await client.unsafe(`create policy tenant_isolation on pg_temp.${table} using (${policy.qual})`);
  }
  for (const t of tenants) {
    await client.begin(async (tx) => {
      await tx`select set_config('app.tenant_id', ${t.id}, true)`;
      await tx`insert into products (id, tenant_id, name, thing_model, product_key)
        values (${t.productId}, ${t.id}, 'plans', '{"properties":[],"events":[],"commands":[]}', ${`pk_${t.productId}`})`;
      await tx`insert into devices (tenant_id, product_id, name, secret_hash, secret_hint)
        select ${t.id}, ${t.productId}, 'dev-' || g, ${t.productId} || '-' || g, '…' from generate_series(1, ${perTenant}::int) g`;
    });
  }
  await client`analyze pg_temp.devices`;
  await client`analyze pg_temp.products`;
});

afterAll(async () => {
  await db?.$close();
});

describe("a page of devices reads a page, not the tenant", () => {
  it("the REST keyset page, newest first", async () => {
    await withTenant(db, tenant.id, async (tx) => {
      const before = await devicesRead(tx);
      const page = await listDevicesAfter(tx, tenant.id, { limit: 50 });
      expect(page.items).toHaveLength(50);
      expect(page.items.every((d) => d.productName === "plans")).toBe(true);
      expect(await devicesRead(tx)).toBeLessThan(before + 200);
    });
  });

  it("the keyset page after a cursor, and of one product", async () => {
    await withTenant(db, tenant.id, async (tx) => {
      const first = await listDevicesAfter(tx, tenant.id, { limit: 50 });
      const before = await devicesRead(tx);
      const next = await listDevicesAfter(tx, tenant.id, { limit: 50, after: first.items.at(-1)?.id, productId: tenant.productId });
      expect(next.items).toHaveLength(50);
      expect(next.items.map((d) => d.id)).not.toContain(first.items.at(-1)?.id);
      expect(await devicesRead(tx)).toBeLessThan(before + 200);
    });
  });

  it("the console's numbered page (its count read apart)", async () => {
    await withTenant(db, tenant.id, async (tx) => {
      const page = await listDevices(tx, tenant.id, { page: 3, pageSize: 50 });
      expect(page.items).toHaveLength(50);
      expect(page.total).toBe(perTenant);
      // The count reads the tenant's index entries (and, before a vacuum, their rows): measured alone, so the
      // page's share is what is left.
      const before = await devicesRead(tx);
      await tx.execute(sql`select count(*) from devices where tenant_id = ${tenant.id}`);
      const countOnly = (await devicesRead(tx)) - before;
      const before2 = await devicesRead(tx);
      await listDevices(tx, tenant.id, { page: 3, pageSize: 50 });
      expect((await devicesRead(tx)) - before2 - countOnly).toBeLessThan(400);
    });
  });
});
