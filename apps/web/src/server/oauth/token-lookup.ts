import { isApiScope, isRole, roleCoversScope, type ApiScope } from "@aspen/core";
import { findOAuthToken, touchOAuthGrant, withTenant } from "@aspen/db";
import type { CachedToken } from "../api/v1/token-cache";
import { getSystemDb } from "../db";
import { logger } from "../logger";

/**
 * Looks an `oat_…` access token up by its hash for the REST API (behind its one-minute cache). It acts
 * in the grant's tenant with the grant's scopes, intersected with the role of the user who granted it
 * (or, for the app's own token, of the admin who registered it).
 */
export async function lookupOAuthAccessToken(_token: string, hash: string): Promise<CachedToken> {
  const db = getSystemDb();
  const row = await findOAuthToken(db, hash);
  if (!row || row.token.kind !== "access") return { ok: false, refusal: "unknown" };
  if (row.token.revokedAt || row.grant.revokedAt) return { ok: false, refusal: "revoked" };
  if (row.token.expiresAt.getTime() <= Date.now()) return { ok: false, refusal: "expired" };
  if (!row.role || !isRole(row.role)) return { ok: false, refusal: "owner_left" };
  if (row.tenant.status !== "active") return { ok: false, refusal: "tenant_suspended" };
  const role = row.role;
  withTenant(db, row.grant.tenantId, (tx) => touchOAuthGrant(tx, row.grant.id)).catch((err: Error) =>
    logger.warn({ err: err.message, grant: row.grant.id }, "OAuth grant lastUsedAt write failed"),
  );
  return {
    ok: true,
    principal: {
      kind: "oauthApp",
      id: row.app.id,
      name: row.app.name,
      userId: row.grant.userId ?? row.app.createdBy,
      // A client-credentials grant has no user: the app acts for itself with its registering admin's role.
      actsForUser: row.grant.userId !== null,
      tenant: row.tenant,
      role,
      scopes: row.grant.scopes.filter((s): s is ApiScope => isApiScope(s) && roleCoversScope(role, s)),
      expiresAt: row.token.expiresAt.getTime(),
      revokeRef: { kind: "oauthGrant", id: row.grant.id },
    },
  };
}
