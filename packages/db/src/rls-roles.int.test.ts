import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentRoleFacts } from "./roles";
import { createTestTenant, createTestUser, testDatabaseUrl, testSystemDb, testTenantDatabaseUrl } from "./testing";
import { withSystem } from "./tenant";
import { ensureTelemetryPartitions } from "./partitions";
import { products } from "./schema";
import type { Database } from "./client";

// Raw connections: each statement below is something an attacker with SQL on the tenant role might try.
let tenant: postgres.Sql;
let system: postgres.Sql;
let sysDb: Database;
let tenantId: string;

beforeAll(async () => {
  tenant = postgres(testTenantDatabaseUrl(), { max: 1, onnotice: () => {} });
  system = postgres(testDatabaseUrl(), { max: 1, onnotice: () => {} });
  sysDb = testSystemDb();
  const owner = await createTestUser(sysDb);
  const t = await createTestTenant(sysDb, { ownerId: owner.id });
  tenantId = t.id;
  await withSystem(sysDb, (tx) =>
    tx
      .insert(products)
      .values({ tenantId, name: "rls-meta", thingModel: { properties: [], events: [], commands: [] }, productKey: `pk_meta_${t.slug}` }),
  );
});

afterAll(async () => {
  await tenant.end();
  await system.end();
  await sysDb.$close();
});

async function refused(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error("expected the statement to be refused");
}

describe("row-level security that SQL cannot switch off", () => {
  it("every table with a tenant_id (partitions included) enables and forces RLS and has a policy", async () => {
    const rows = await system<{ table: string; rls: boolean; forced: boolean; policies: number }[]>`
      select c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
        (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
      where n.nspname = 'public' and c.relkind in ('r', 'p')`;
    expect(rows.map((r) => r.table)).toEqual(expect.arrayContaining(["devices", "telemetry", "telemetry_default", "audit_logs"]));
    const unsafe = rows.filter((r) => !r.rls || !r.forced || r.policies === 0).map((r) => r.table);
    expect(unsafe).toEqual([]);
  });

  it("no policy consults a setting other than app.tenant_id", async () => {
    const rows = await system<{ expr: string }[]>`
      select coalesce(pg_get_expr(polqual, polrelid), '') || ' ' || coalesce(pg_get_expr(polwithcheck, polrelid), '') as expr
      from pg_policy`;
    for (const r of rows) {
      // A policy reads app.tenant_id or nothing at all (e.g. `false` for system-only tables).
      const settings = [...r.expr.matchAll(/current_setting\('([^']+)'/g)].map((m) => m[1]);
      for (const s of settings) expect(s).toBe("app.tenant_id");
    }
  });

  it("a partition made later gets RLS too", async () => {
    await ensureTelemetryPartitions(sysDb, 14); // further ahead than the migration made
    const rows = await system<{ table: string }[]>`
      select c.relname as table from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = 'telemetry'::regclass and not (c.relrowsecurity and c.relforcerowsecurity)`;
    expect(rows).toEqual([]);
  });

  it("the tenant role has no BYPASSRLS, is no superuser and owns no table; the system role bypasses", async () => {
    const facts = await tenant<{ superuser: boolean; bypass: boolean; owns: boolean }[]>`
      select rolsuper as superuser, rolbypassrls as bypass,
        exists (select 1 from pg_class c where pg_has_role(current_user, c.relowner, 'USAGE') and c.relnamespace = 'public'::regnamespace) as owns
      from pg_roles where rolname = current_user`;
    expect(facts[0]).toEqual({ superuser: false, bypass: false, owns: false });
    const sys = await system<{ bypass: boolean }[]>`select rolbypassrls as bypass from pg_roles where rolname = current_user`;
    expect(sys[0]!.bypass).toBe(true);
  });

  it("the tenant role cannot ALTER its way out", async () => {
    expect(await refused(tenant`alter table products disable row level security`)).toMatch(/must be owner/);
    expect(await refused(tenant`alter table products no force row level security`)).toMatch(/must be owner/);
    expect(await refused(tenant`drop policy tenant_isolation on products`)).toMatch(/must be owner/);
    expect(await refused(tenant`create policy open on products using (true)`)).toMatch(/must be owner/);
    expect(await refused(tenant`alter table telemetry_default disable row level security`)).toMatch(/must be owner/);
    expect(await refused(tenant`create table escape (id int)`)).toMatch(/permission denied/);
    expect(await refused(tenant`alter role current_user bypassrls`)).toMatch(/permission denied|must be superuser/);
  });

  it("the tenant role cannot SET its way out", async () => {
    expect(await refused(tenant`set role aspen`)).toMatch(/permission denied|does not exist/);
    expect(await refused(tenant`set role aspen_system`)).toMatch(/permission denied/);
    const seen = await tenant
      .begin(async (tx) => {
        await tx`select set_config('app.bypass_rls', 'on', true)`;
        await tx`set local row_security = off`.catch(() => undefined);
        return tx<{ n: number }[]>`select count(*)::int as n from products`;
      })
      .catch((err: Error) => err.message);
    // Either refused outright (row_security = off errors when a policy would apply) or no rows: never the data.
    if (typeof seen === "string") expect(seen).toMatch(/row-level security/);
    else expect(seen[0]!.n).toBe(0);
    const direct = await tenant<{ n: number }[]>`select count(*)::int as n from telemetry_default`;
    expect(direct[0]!.n).toBe(0);
    const own = await tenant.begin(async (tx) => {
      await tx`select set_config('app.tenant_id', ${tenantId}, true)`;
      return tx<{ n: number }[]>`select count(*)::int as n from products`;
    });
    expect(own[0]!.n).toBe(1); // the scope itself still works
  });

  it("currentRoleFacts agrees", async () => {
    const facts = await currentRoleFacts(sysDb);
    expect(facts.bypassRls).toBe(true);
  });
});
