import { and, count, eq, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { devices, memberships, products, tenants } from "../schema";
import { offsetOf, type Page, type PageRequest } from "./pagination";

export type TenantRow = typeof tenants.$inferSelect;
export type Role = (typeof memberships.$inferSelect)["role"];

export async function findTenantBySlug(tx: Tx, slug: string): Promise<TenantRow | undefined> {
  const [row] = await tx.select().from(tenants).where(eq(tenants.slug, slug)).limit(1).prepare("tenant_by_slug").execute();
  return row;
}

export async function findTenantById(tx: Tx, id: string): Promise<TenantRow | undefined> {
  const [row] = await tx.select().from(tenants).where(eq(tenants.id, id)).limit(1).prepare("tenant_by_id").execute();
  return row;
}

/**
 * Creates a tenant and makes `ownerId` its owner. Run it inside
 * `withTenant(db, id, …)` with a fresh `id` so the membership insert passes RLS.
 * Throws a unique violation on `tenants_slug_key` when the slug is taken.
 */
export async function createTenantWithOwner(
  tx: Tx,
  input: { id: string; slug: string; name: string; ownerId: string },
): Promise<TenantRow> {
  const [tenant] = await tx
    .insert(tenants)
    .values({ id: input.id, slug: input.slug, name: input.name, createdBy: input.ownerId })
    .returning();
  await tx.insert(memberships).values({ tenantId: input.id, userId: input.ownerId, role: "owner" });
  return tenant!;
}

export async function updateTenantName(tx: Tx, tenantId: string, name: string): Promise<TenantRow | undefined> {
  const [row] = await tx.update(tenants).set({ name }).where(eq(tenants.id, tenantId)).returning();
  return row;
}

/** The tenants a user belongs to, with their role. Crosses tenants: needs a system transaction. */
export async function listTenantsForUser(tx: Tx, userId: string, p: PageRequest): Promise<Page<TenantRow & { role: Role }>> {
  const where = eq(memberships.userId, userId);
  const [items, [total]] = await Promise.all([
    tx
      .select({
        id: tenants.id,
        slug: tenants.slug,
        name: tenants.name,
        status: tenants.status,
        plan: tenants.plan,
        retentionDays: tenants.retentionDays,
        createdBy: tenants.createdBy,
        createdAt: tenants.createdAt,
        role: memberships.role,
      })
      .from(memberships)
      .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
      .where(where)
      .orderBy(tenants.name, tenants.id)
      .limit(p.pageSize)
      .offset(offsetOf(p)),
    tx.select({ n: count() }).from(memberships).where(where),
  ]);
  return { items, total: total?.n ?? 0, ...p };
}

export interface TenantOverview {
  devices: { total: number; online: number; disabled: number };
  products: number;
  members: number;
}

export async function tenantOverview(tx: Tx, tenantId: string): Promise<TenantOverview> {
  const [[d], [p], [m]] = await Promise.all([
    tx
      .select({
        total: count(),
        online: sql<number>`count(*) filter (where ${devices.online} and ${devices.enabled})`.mapWith(Number),
        disabled: sql<number>`count(*) filter (where not ${devices.enabled})`.mapWith(Number),
      })
      .from(devices)
      .where(eq(devices.tenantId, tenantId)),
    tx.select({ n: count() }).from(products).where(eq(products.tenantId, tenantId)),
    tx
      .select({ n: count() })
      .from(memberships)
      .where(and(eq(memberships.tenantId, tenantId))),
  ]);
  return {
    devices: { total: d?.total ?? 0, online: d?.online ?? 0, disabled: d?.disabled ?? 0 },
    products: p?.n ?? 0,
    members: m?.n ?? 0,
  };
}
