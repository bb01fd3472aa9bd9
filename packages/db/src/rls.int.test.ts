import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./client";
import { isRlsViolation } from "./queries";
import { auditLogs, devices, invitations, memberships, products } from "./schema";
import { withSystem, withTenant } from "./tenant";
import { createTestTenant, createTestUser, testDb, testSystemDb, type TestTenant } from "./testing";

let db: Database;
let sys: Database;
let a: TestTenant;
let b: TestTenant;

const model = { properties: [], events: [], commands: [] };

async function seedTenant(t: TestTenant, ownerId: string) {
  await withSystem(sys, async (tx) => {
    const [p] = await tx
      .insert(products)
      .values({ tenantId: t.id, name: `p-${t.slug}`, thingModel: model, productKey: `pk_${t.slug}` })
      .returning();
    await tx.insert(devices).values({
      tenantId: t.id,
      productId: p!.id,
      name: `d-${t.slug}`,
      secretHash: `hash-${t.slug}`,
      secretHint: "x…y",
    });
    await tx.insert(invitations).values({
      tenantId: t.id,
      email: `inv-${t.slug}@test.aspen.dev`,
      role: "viewer",
      tokenHash: `tok-${t.slug}`,
      invitedBy: ownerId,
      expiresAt: new Date(Date.now() + 60_000),
    });
    await tx.insert(auditLogs).values({ tenantId: t.id, action: "tenant.create" });
  });
}

beforeAll(async () => {
  db = testDb();
  sys = testSystemDb();
  const owner = await createTestUser(sys);
  a = await createTestTenant(sys, { ownerId: owner.id });
  b = await createTestTenant(sys, { ownerId: owner.id });
  await seedTenant(a, owner.id);
  await seedTenant(b, owner.id);
});

afterAll(async () => {
  await db?.$close();
  await sys?.$close();
});

const tables = { devices, products, memberships, invitations, auditLogs } as const;

describe("row-level security", () => {
  it("a query without the tenant setting sees no tenant rows", async () => {
    for (const [name, table] of Object.entries(tables)) {
      const rows = await db.select().from(table);
      expect(rows, name).toHaveLength(0);
    }
  });

  it("even filtering by a tenant id explicitly returns nothing outside withTenant", async () => {
    const rows = await db.select().from(devices).where(eq(devices.tenantId, a.id));
    expect(rows).toHaveLength(0);
  });

  it("with tenant A's setting, only A's rows are visible", async () => {
    await withTenant(db, a.id, async (tx) => {
      for (const [name, table] of Object.entries(tables)) {
        const rows = (await tx.select().from(table)) as { tenantId: string | null }[];
        expect(rows.length, name).toBeGreaterThan(0);
        expect(new Set(rows.map((r) => r.tenantId)), name).toEqual(new Set([a.id]));
      }
    });
  });

  it("the setting is transaction-local: it does not leak to the next query on the pool", async () => {
    await withTenant(db, a.id, async () => {});
    // Several queries so at least one reuses the connection that had the setting.
    for (let i = 0; i < 6; i++) expect(await db.select().from(products)).toHaveLength(0);
  });

  it("inserting a row for tenant B while scoped to A is refused", async () => {
    const [pb] = await withTenant(db, b.id, (tx) => tx.select().from(products).limit(1));
    const attempt = withTenant(db, a.id, (tx) =>
      tx.insert(devices).values({ tenantId: b.id, productId: pb!.id, name: "intruder", secretHash: "h-intruder", secretHint: "…" }),
    );
    await expect(attempt).rejects.toSatisfy(isRlsViolation);
  });

  it("moving a row of A to tenant B is refused", async () => {
    const attempt = withTenant(db, a.id, (tx) => tx.update(products).set({ tenantId: b.id }).where(eq(products.tenantId, a.id)));
    await expect(attempt).rejects.toSatisfy(isRlsViolation);
  });

  it("updates and deletes scoped to A cannot touch B's rows", async () => {
    await withTenant(db, a.id, async (tx) => {
      const deleted = await tx.delete(invitations).where(eq(invitations.tenantId, b.id)).returning();
      expect(deleted).toHaveLength(0);
    });
    const stillThere = await withTenant(db, b.id, (tx) => tx.select().from(invitations));
    expect(stillThere).toHaveLength(1);
  });

  it("inserting a tenant row without any tenant setting is refused", async () => {
    const attempt = db.insert(auditLogs).values({ tenantId: a.id, action: "tenant.update" });
    await expect(attempt).rejects.toSatisfy(isRlsViolation);
  });
});
