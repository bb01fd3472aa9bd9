import { and, desc, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { memberships, oauthApps, oauthAppSecrets, oauthGrants, oauthTokens, tenants, users } from "../schema";

export type OAuthAppRow = typeof oauthApps.$inferSelect;
export type OAuthGrantRow = typeof oauthGrants.$inferSelect;
export type OAuthTokenRow = typeof oauthTokens.$inferSelect;

export async function listOAuthApps(tx: Tx, tenantId: string): Promise<OAuthAppRow[]> {
  return tx.select().from(oauthApps).where(eq(oauthApps.tenantId, tenantId)).orderBy(desc(oauthApps.createdAt)).limit(200);
}

export async function findOAuthApp(tx: Tx, tenantId: string, id: string): Promise<OAuthAppRow | undefined> {
  const [row] = await tx
    .select()
    .from(oauthApps)
    .where(and(eq(oauthApps.tenantId, tenantId), eq(oauthApps.id, id)))
    .limit(1);
  return row;
}

export type NewOAuthApp = Omit<typeof oauthApps.$inferInsert, "id" | "createdAt" | "updatedAt">;

export async function insertOAuthApp(tx: Tx, row: NewOAuthApp): Promise<OAuthAppRow> {
  const [inserted] = await tx.insert(oauthApps).values(row).returning();
  return inserted!;
}

export async function deleteOAuthApp(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const rows = await tx
    .delete(oauthApps)
    .where(and(eq(oauthApps.tenantId, tenantId), eq(oauthApps.id, id)))
    .returning({ id: oauthApps.id });
  return rows.length > 0;
}

/**
 * Adds a client secret; the app's other live secrets expire at `overlapUntil` (still accepted until
 * then, so deployments can switch over).
 */
export async function addOAuthAppSecret(
  tx: Tx,
  tenantId: string,
  appId: string,
  secret: { hash: string; hint: string },
  overlapUntil: Date,
): Promise<void> {
  await tx
    .update(oauthAppSecrets)
    .set({ expiresAt: overlapUntil })
    .where(
      and(
        eq(oauthAppSecrets.tenantId, tenantId),
        eq(oauthAppSecrets.appId, appId),
        or(isNull(oauthAppSecrets.expiresAt), gt(oauthAppSecrets.expiresAt, overlapUntil)),
      ),
    );
  await tx.insert(oauthAppSecrets).values({ tenantId, appId, secretHash: secret.hash, hint: secret.hint });
}

/** The app's secrets still accepted (current first), for the console. */
export async function liveOAuthAppSecrets(tx: Tx, tenantId: string, appId: string, now = new Date()) {
  return tx
    .select({
      id: oauthAppSecrets.id,
      hint: oauthAppSecrets.hint,
      expiresAt: oauthAppSecrets.expiresAt,
      createdAt: oauthAppSecrets.createdAt,
    })
    .from(oauthAppSecrets)
    .where(
      and(
        eq(oauthAppSecrets.tenantId, tenantId),
        eq(oauthAppSecrets.appId, appId),
        or(isNull(oauthAppSecrets.expiresAt), gt(oauthAppSecrets.expiresAt, now)),
      ),
    )
    .orderBy(desc(oauthAppSecrets.createdAt));
}

/** An app by id across tenants (the token endpoint learns the tenant from the client): system connection. */
export async function findOAuthClient(tx: Tx, appId: string) {
  const [row] = await tx
    .select({ app: oauthApps, tenant: { id: tenants.id, slug: tenants.slug, name: tenants.name, status: tenants.status } })
    .from(oauthApps)
    .innerJoin(tenants, eq(tenants.id, oauthApps.tenantId))
    .where(eq(oauthApps.id, appId))
    .limit(1);
  return row;
}

/** Whether `secretHash` is a live secret of the app: system connection. */
export async function oauthSecretMatches(tx: Tx, appId: string, secretHash: string, now = new Date()): Promise<boolean> {
  const [row] = await tx
    .select({ id: oauthAppSecrets.id })
    .from(oauthAppSecrets)
    .where(
      and(
        eq(oauthAppSecrets.appId, appId),
        eq(oauthAppSecrets.secretHash, secretHash),
        or(isNull(oauthAppSecrets.expiresAt), gt(oauthAppSecrets.expiresAt, now)),
      ),
    )
    .limit(1);
  return !!row;
}

/** The grant of (app, user) in the tenant that is still live, or a new one; scopes are replaced. */
export async function upsertOAuthGrant(
  tx: Tx,
  g: { tenantId: string; appId: string; userId: string | null; scopes: string[] },
): Promise<OAuthGrantRow> {
  const [live] = await tx
    .select()
    .from(oauthGrants)
    .where(
      and(
        eq(oauthGrants.tenantId, g.tenantId),
        eq(oauthGrants.appId, g.appId),
        g.userId ? eq(oauthGrants.userId, g.userId) : isNull(oauthGrants.userId),
        isNull(oauthGrants.revokedAt),
      ),
    )
    .limit(1);
  if (live) {
    const [updated] = await tx.update(oauthGrants).set({ scopes: g.scopes }).where(eq(oauthGrants.id, live.id)).returning();
    return updated!;
  }
  const [inserted] = await tx.insert(oauthGrants).values(g).returning();
  return inserted!;
}

export async function insertOAuthToken(tx: Tx, row: Omit<typeof oauthTokens.$inferInsert, "id" | "createdAt">): Promise<void> {
  await tx.insert(oauthTokens).values(row);
}

/** A token by hash with its grant, app, tenant and the role the rights come from: system connection. */
export async function findOAuthToken(tx: Tx, tokenHash: string) {
  const [row] = await tx
    .select({
      token: oauthTokens,
      grant: oauthGrants,
      app: { id: oauthApps.id, name: oauthApps.name, createdBy: oauthApps.createdBy, clientType: oauthApps.clientType },
      tenant: { id: tenants.id, slug: tenants.slug, name: tenants.name, status: tenants.status },
      role: memberships.role,
    })
    .from(oauthTokens)
    .innerJoin(oauthGrants, eq(oauthGrants.id, oauthTokens.grantId))
    .innerJoin(oauthApps, eq(oauthApps.id, oauthGrants.appId))
    .innerJoin(tenants, eq(tenants.id, oauthTokens.tenantId))
    .leftJoin(
      memberships,
      and(
        eq(memberships.tenantId, oauthGrants.tenantId),
        eq(memberships.userId, sql`coalesce(${oauthGrants.userId}, ${oauthApps.createdBy})`),
      ),
    )
    .where(eq(oauthTokens.tokenHash, tokenHash))
    .limit(1);
  return row;
}

/** Marks a single-use token (code, refresh) used; false when it already was (a replay). */
export async function useOAuthToken(tx: Tx, id: string, now = new Date()): Promise<boolean> {
  const rows = await tx
    .update(oauthTokens)
    .set({ usedAt: now })
    .where(and(eq(oauthTokens.id, id), isNull(oauthTokens.usedAt)))
    .returning({ id: oauthTokens.id });
  return rows.length > 0;
}

export async function revokeOAuthToken(tx: Tx, id: string, now = new Date()): Promise<void> {
  await tx
    .update(oauthTokens)
    .set({ revokedAt: now })
    .where(and(eq(oauthTokens.id, id), isNull(oauthTokens.revokedAt)));
}

/** Revokes a grant and every token of it. */
export async function revokeOAuthGrant(tx: Tx, grantId: string, reason: string, now = new Date()): Promise<boolean> {
  const rows = await tx
    .update(oauthGrants)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(oauthGrants.id, grantId), isNull(oauthGrants.revokedAt)))
    .returning({ id: oauthGrants.id });
  await tx
    .update(oauthTokens)
    .set({ revokedAt: now })
    .where(and(eq(oauthTokens.grantId, grantId), isNull(oauthTokens.revokedAt)));
  return rows.length > 0;
}

/** Sets the grant's last use (called on a token-cache miss: at most about once a minute per token). */
export async function touchOAuthGrant(tx: Tx, grantId: string, now = new Date()): Promise<void> {
  await tx.update(oauthGrants).set({ lastUsedAt: now }).where(eq(oauthGrants.id, grantId));
}

/** The app's grants for its admins: who, scopes, last use, requests. */
export async function listOAuthGrantsOfApp(tx: Tx, tenantId: string, appId: string) {
  return tx
    .select({ grant: oauthGrants, userEmail: users.email })
    .from(oauthGrants)
    .leftJoin(users, eq(users.id, oauthGrants.userId))
    .where(and(eq(oauthGrants.tenantId, tenantId), eq(oauthGrants.appId, appId)))
    .orderBy(desc(oauthGrants.createdAt))
    .limit(500);
}

/** The live grants a user gave, across tenants, with the app and tenant names: system connection. */
export async function listOAuthGrantsOfUser(tx: Tx, userId: string) {
  return tx
    .select({
      grant: oauthGrants,
      app: { id: oauthApps.id, name: oauthApps.name, logoUrl: oauthApps.logoUrl, homepageUrl: oauthApps.homepageUrl },
      tenant: { id: tenants.id, slug: tenants.slug, name: tenants.name },
    })
    .from(oauthGrants)
    .innerJoin(oauthApps, eq(oauthApps.id, oauthGrants.appId))
    .innerJoin(tenants, eq(tenants.id, oauthGrants.tenantId))
    .where(and(eq(oauthGrants.userId, userId), isNull(oauthGrants.revokedAt)))
    .orderBy(desc(oauthGrants.createdAt))
    .limit(200);
}

/** A grant by id if it belongs to `userId`: system connection. */
export async function findOAuthGrantOfUser(tx: Tx, userId: string, grantId: string): Promise<OAuthGrantRow | undefined> {
  const [row] = await tx
    .select()
    .from(oauthGrants)
    .where(and(eq(oauthGrants.id, grantId), eq(oauthGrants.userId, userId)))
    .limit(1);
  return row;
}
