import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { executePrepared } from "./execute-prepared";
import { withTenant } from "./tenant";
import { testDb } from "./testing";

const db = testDb();
afterAll(async () => {
  await db.$close();
});

describe("withTenant", () => {
  it("sets the tenant before fn's first statement, sent along with it", async () => {
    const tenant = randomUUID();
    // Started in the same turn as the setting: PostgreSQL must still run it after the set_config.
    const [row] = await withTenant(db, tenant, (tx) => tx.execute<{ t: string }>(sql`select current_setting('app.tenant_id', true) as t`));
    expect(row?.t).toBe(tenant);
  });

  it("sets it before fn's first statement also on the shortest road to the connection (a prepared statement)", async () => {
    const tenant = randomUUID();
    const rows = await withTenant(db, tenant, (tx) =>
      executePrepared<{ t: string }>(tx, sql`select current_setting('app.tenant_id', true) as t`),
    );
    expect(rows[0]?.t).toBe(tenant);
  });

  it("keeps the setting a prepared statement of the connection (one round trip, parsed once)", async () => {
    const prepared = await withTenant(db, randomUUID(), (tx) =>
      tx.execute<{ n: number }>(
        sql`select count(*)::int as n from pg_prepared_statements where statement like 'select set_config(''app.tenant_id''%'`,
      ),
    );
    expect(prepared[0]?.n).toBe(1);
  });

  it("rolls back and rethrows when fn fails, and the setting ends with the transaction", async () => {
    const boom = new Error("boom");
    await expect(
      withTenant(db, randomUUID(), async (tx) => {
        await tx.execute(sql`select 1`);
        throw boom;
      }),
    ).rejects.toBe(boom);
    const [row] = await db.execute<{ t: string | null }>(sql`select nullif(current_setting('app.tenant_id', true), '') as t`);
    expect(row?.t ?? null).toBeNull();
  });
});
