import { count, eq, ilike, or } from "drizzle-orm";
import type { Tx } from "../client";
import { tenants } from "../schema";
import { offsetOf, type Page, type PageRequest } from "./pagination";

export type TenantPlan = (typeof tenants.$inferSelect)["plan"];

/** The plan of one tenant (undefined when there is no such tenant). System transaction. */
export async function findTenantPlan(tx: Tx, tenantId: string): Promise<TenantPlan | undefined> {
  const [row] = await tx.select({ plan: tenants.plan }).from(tenants).where(eq(tenants.id, tenantId)).limit(1);
  return row?.plan;
}

/** Sets a tenant's plan; returns the tenant before and after (undefined when unknown). System transaction. */
export async function setTenantPlan(
  tx: Tx,
  tenantId: string,
  plan: TenantPlan,
): Promise<{ id: string; slug: string; name: string; before: TenantPlan; plan: TenantPlan } | undefined> {
  const [before] = await tx.select({ plan: tenants.plan }).from(tenants).where(eq(tenants.id, tenantId)).for("update").limit(1);
  if (!before) return undefined;
  const [row] = await tx
    .update(tenants)
    .set({ plan })
    .where(eq(tenants.id, tenantId))
    .returning({ id: tenants.id, slug: tenants.slug, name: tenants.name, plan: tenants.plan });
  return row && { ...row, before: before.plan };
}

export interface PlatformTenantRow {
  id: string;
  slug: string;
  name: string;
  status: "active" | "suspended";
  plan: TenantPlan;
  createdAt: Date;
}

/** Every tenant of the platform (for operators), by name, optionally matching `q` in slug or name. System transaction. */
export async function listAllTenants(tx: Tx, p: PageRequest & { q?: string }): Promise<Page<PlatformTenantRow>> {
  const like = p.q ? `%${p.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const where = like ? or(ilike(tenants.slug, like), ilike(tenants.name, like)) : undefined;
  const [items, [total]] = await Promise.all([
    tx
      .select({
        id: tenants.id,
        slug: tenants.slug,
        name: tenants.name,
        status: tenants.status,
        plan: tenants.plan,
        createdAt: tenants.createdAt,
      })
      .from(tenants)
      .where(where)
      .orderBy(tenants.name, tenants.id)
      .limit(p.pageSize)
      .offset(offsetOf(p)),
    tx.select({ n: count() }).from(tenants).where(where),
  ]);
  return { items, total: total?.n ?? 0, page: p.page, pageSize: p.pageSize };
}
