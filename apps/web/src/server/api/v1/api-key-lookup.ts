import { isApiScope, isRole, type ApiScope } from "@aspen/core";
import { findApiKeyForAuth, touchApiKey } from "@aspen/db";
import { getSystemDb } from "../../db";
import { logger } from "../../logger";
import type { CachedToken } from "./token-cache";

/** Looks an `ak_…` key up by its hash (system connection: the tenant is what we are finding out). */
export async function lookupApiKey(_token: string, hash: string): Promise<CachedToken> {
  const db = getSystemDb();
  const row = await findApiKeyForAuth(db, hash);
  if (!row) return { ok: false, refusal: "unknown" };
  if (row.revokedAt) return { ok: false, refusal: "revoked" };
  if (row.expiresAt && row.expiresAt.getTime() <= Date.now()) return { ok: false, refusal: "expired" };
  if (!row.role || !isRole(row.role)) return { ok: false, refusal: "owner_left" };
  if (row.tenant.status !== "active") return { ok: false, refusal: "tenant_suspended" };
  // Cache misses happen at most once a minute per key, so this is the "at most once a minute" write.
  touchApiKey(db, row.id).catch((err: Error) => logger.warn({ err: err.message, apiKey: row.id }, "api key lastUsedAt write failed"));
  return {
    ok: true,
    principal: {
      kind: "apiKey",
      id: row.id,
      name: row.name,
      userId: row.createdBy,
      actsForUser: row.createdBy !== null,
      tenant: row.tenant,
      role: row.role,
      scopes: row.scopes.filter((s): s is ApiScope => isApiScope(s)),
      expiresAt: row.expiresAt?.getTime() ?? null,
      revokeRef: { kind: "apiKey", id: row.id },
    },
  };
}
