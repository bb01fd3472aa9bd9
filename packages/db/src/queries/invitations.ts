import { and, count, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { invitations, tenants, users } from "../schema";
import { offsetOf, type Page, type PageRequest } from "./pagination";
import type { Role } from "./tenants";
import { normalizeEmail } from "./users";

export type InvitationRow = typeof invitations.$inferSelect;
export type InvitationState = "pending" | "accepted" | "revoked" | "expired";

export function invitationState(inv: Pick<InvitationRow, "acceptedAt" | "revokedAt" | "expiresAt">, now = new Date()): InvitationState {
  if (inv.acceptedAt) return "accepted";
  if (inv.revokedAt) return "revoked";
  if (inv.expiresAt.getTime() <= now.getTime()) return "expired";
  return "pending";
}

export async function createInvitation(
  tx: Tx,
  input: { tenantId: string; email: string; role: Role; tokenHash: string; invitedBy: string; expiresAt: Date },
): Promise<InvitationRow> {
  const [row] = await tx
    .insert(invitations)
    .values({ ...input, email: normalizeEmail(input.email) })
    .returning();
  return row!;
}

export interface PendingInvitation {
  id: string;
  email: string;
  role: Role;
  expiresAt: Date;
  createdAt: Date;
  invitedByEmail: string | null;
}

export async function listPendingInvitations(tx: Tx, tenantId: string, p: PageRequest): Promise<Page<PendingInvitation>> {
  const where = and(
    eq(invitations.tenantId, tenantId),
    isNull(invitations.acceptedAt),
    isNull(invitations.revokedAt),
    gt(invitations.expiresAt, sql`now()`),
  );
  const [items, [total]] = await Promise.all([
    tx
      .select({
        id: invitations.id,
        email: invitations.email,
        role: invitations.role,
        expiresAt: invitations.expiresAt,
        createdAt: invitations.createdAt,
        invitedByEmail: users.email,
      })
      .from(invitations)
      .leftJoin(users, eq(users.id, invitations.invitedBy))
      .where(where)
      .orderBy(desc(invitations.createdAt), invitations.id)
      .limit(p.pageSize)
      .offset(offsetOf(p)),
    tx.select({ n: count() }).from(invitations).where(where),
  ]);
  return { items, total: total?.n ?? 0, ...p };
}

export async function findInvitationById(tx: Tx, tenantId: string, id: string): Promise<InvitationRow | undefined> {
  const [row] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.tenantId, tenantId), eq(invitations.id, id)))
    .limit(1);
  return row;
}

/** Looks an invitation up by its token hash, with its tenant. Crosses tenants: needs a system transaction. */
export async function findInvitationByTokenHash(
  tx: Tx,
  tokenHash: string,
): Promise<(InvitationRow & { tenant: { id: string; slug: string; name: string } }) | undefined> {
  const [row] = await tx
    .select({ inv: invitations, tenant: { id: tenants.id, slug: tenants.slug, name: tenants.name } })
    .from(invitations)
    .innerJoin(tenants, eq(tenants.id, invitations.tenantId))
    .where(eq(invitations.tokenHash, tokenHash))
    .limit(1);
  return row ? { ...row.inv, tenant: row.tenant } : undefined;
}

/** Revokes a pending invitation. Returns false when it was not pending. */
export async function revokeInvitation(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const rows = await tx
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(invitations.tenantId, tenantId), eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id });
  return rows.length > 0;
}

/**
 * Revokes every pending invitation `inviterId` sent in the tenant (when they
 * are removed, their invitations must not outlive them). Returns how many.
 */
export async function revokeInvitationsSentBy(tx: Tx, tenantId: string, inviterId: string): Promise<number> {
  const rows = await tx
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(invitations.tenantId, tenantId),
        eq(invitations.invitedBy, inviterId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning({ id: invitations.id });
  return rows.length;
}

/**
 * Marks a pending, unexpired invitation accepted — atomically, so a token is
 * used at most once. Returns false when it was not pending any more.
 */
export async function markInvitationAccepted(tx: Tx, id: string, userId: string): Promise<boolean> {
  const rows = await tx
    .update(invitations)
    .set({ acceptedAt: sql`now()`, acceptedBy: userId })
    .where(
      and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, sql`now()`)),
    )
    .returning({ id: invitations.id });
  return rows.length > 0;
}
