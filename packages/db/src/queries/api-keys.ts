import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { apiKeys, memberships, tenants, users } from "../schema";

export type ApiKeyRow = Omit<typeof apiKeys.$inferSelect, "secretHash"> & { createdByEmail: string | null };

const publicColumns = {
  id: apiKeys.id,
  tenantId: apiKeys.tenantId,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  scopes: apiKeys.scopes,
  createdBy: apiKeys.createdBy,
  createdByEmail: users.email,
  expiresAt: apiKeys.expiresAt,
  revokedAt: apiKeys.revokedAt,
  lastUsedAt: apiKeys.lastUsedAt,
  createdAt: apiKeys.createdAt,
};

/** The tenant's keys, newest first, revoked ones included (they say when). */
export async function listApiKeys(tx: Tx, tenantId: string): Promise<ApiKeyRow[]> {
  return tx
    .select(publicColumns)
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .where(eq(apiKeys.tenantId, tenantId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id))
    .limit(500);
}

export async function findApiKeyById(tx: Tx, tenantId: string, id: string): Promise<ApiKeyRow | undefined> {
  const [row] = await tx
    .select(publicColumns)
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .where(and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.id, id)))
    .limit(1);
  return row;
}

export interface NewApiKey {
  tenantId: string;
  name: string;
  prefix: string;
  secretHash: string;
  scopes: string[];
  createdBy: string;
  expiresAt: Date | null;
}

export async function insertApiKey(tx: Tx, row: NewApiKey): Promise<string> {
  const [inserted] = await tx.insert(apiKeys).values(row).returning({ id: apiKeys.id });
  return inserted!.id;
}

/** Revokes a key; false when it does not exist in the tenant or was already revoked. */
export async function revokeApiKey(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const rows = await tx
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}

/** What authenticating with a key needs: the key, its tenant and its creator's current role there. */
export interface ApiKeyAuthRow {
  id: string;
  name: string;
  scopes: string[];
  expiresAt: Date | null;
  revokedAt: Date | null;
  createdBy: string | null;
  tenant: { id: string; slug: string; name: string; status: "active" | "suspended" };
  /** Null when the creator is no longer a member (the key then grants nothing). */
  role: "owner" | "admin" | "developer" | "viewer" | null;
}

/** Finds a key by the hash of its secret, across tenants: run it on a system connection. */
export async function findApiKeyForAuth(tx: Tx, secretHash: string): Promise<ApiKeyAuthRow | undefined> {
  const [row] = await tx
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      scopes: apiKeys.scopes,
      expiresAt: apiKeys.expiresAt,
      revokedAt: apiKeys.revokedAt,
      createdBy: apiKeys.createdBy,
      tenant: { id: tenants.id, slug: tenants.slug, name: tenants.name, status: tenants.status },
      role: memberships.role,
    })
    .from(apiKeys)
    .innerJoin(tenants, eq(tenants.id, apiKeys.tenantId))
    .leftJoin(memberships, and(eq(memberships.tenantId, apiKeys.tenantId), eq(memberships.userId, apiKeys.createdBy)))
    .where(eq(apiKeys.secretHash, secretHash))
    .limit(1);
  return row;
}

/** Sets last_used_at unless it was set less than a minute ago (one write per key per minute at most). */
export async function touchApiKey(tx: Tx, id: string, now = new Date()): Promise<void> {
  await tx
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiKeys.id, id),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`${now.toISOString()}::timestamptz - interval '1 minute'`)),
      ),
    );
}
