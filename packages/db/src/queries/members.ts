import { and, count, eq } from "drizzle-orm";
import type { Tx } from "../client";
import { memberships, tenants, users } from "../schema";
import { offsetOf, type Page, type PageRequest } from "./pagination";
import type { Role } from "./tenants";

export interface MemberRow {
  userId: string;
  email: string;
  name: string;
  role: Role;
  createdAt: Date;
}

export async function getMembership(tx: Tx, tenantId: string, userId: string): Promise<{ role: Role } | undefined> {
  const [row] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)))
    .limit(1)
    .prepare("membership")
    .execute();
  return row;
}

/**
 * The tenant named by `slug` and the user's role in it, or undefined when
 * there is no such tenant or the user is not a member. Crosses tenants: run
 * it on a system connection.
 */
export async function findTenantMembership(
  tx: Tx,
  slug: string,
  userId: string,
): Promise<{ tenant: typeof tenants.$inferSelect; role: Role } | undefined> {
  const [row] = await tx
    .select({ tenant: tenants, role: memberships.role })
    .from(tenants)
    .innerJoin(memberships, and(eq(memberships.tenantId, tenants.id), eq(memberships.userId, userId)))
    .where(eq(tenants.slug, slug))
    .limit(1)
    .prepare("tenant_membership")
    .execute();
  return row;
}

export async function getMember(tx: Tx, tenantId: string, userId: string): Promise<MemberRow | undefined> {
  const [row] = await tx
    .select({ userId: users.id, email: users.email, name: users.name, role: memberships.role, createdAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)))
    .limit(1);
  return row;
}

export async function listMembers(tx: Tx, tenantId: string, p: PageRequest): Promise<Page<MemberRow>> {
  const where = eq(memberships.tenantId, tenantId);
  const [items, [total]] = await Promise.all([
    tx
      .select({ userId: users.id, email: users.email, name: users.name, role: memberships.role, createdAt: memberships.createdAt })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(where)
      .orderBy(memberships.createdAt, users.id)
      .limit(p.pageSize)
      .offset(offsetOf(p)),
    tx.select({ n: count() }).from(memberships).where(where),
  ]);
  return { items, total: total?.n ?? 0, ...p };
}

/**
 * Counts the owners, locking the tenant's owner rows so that two concurrent
 * demotions cannot both see "another owner remains".
 */
export async function countOwnersForUpdate(tx: Tx, tenantId: string): Promise<number> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.role, "owner")))
    .for("update");
  return rows.length;
}

/** Adds a membership, or keeps the existing one unchanged. Returns the resulting role. */
export async function addMembership(tx: Tx, input: { tenantId: string; userId: string; role: Role }): Promise<Role> {
  await tx.insert(memberships).values(input).onConflictDoNothing();
  const m = await getMembership(tx, input.tenantId, input.userId);
  return m!.role;
}

export async function setMemberRole(tx: Tx, tenantId: string, userId: string, role: Role): Promise<boolean> {
  const rows = await tx
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)))
    .returning({ userId: memberships.userId });
  return rows.length > 0;
}

export async function removeMember(tx: Tx, tenantId: string, userId: string): Promise<boolean> {
  const rows = await tx
    .delete(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)))
    .returning({ userId: memberships.userId });
  return rows.length > 0;
}
