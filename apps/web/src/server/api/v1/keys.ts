import { getEnv } from "../../../env";

/** Redis keys of the REST API, under REDIS_PREFIX. */
export function restKeys(prefix = getEnv().REDIS_PREFIX) {
  const p = `${prefix}aspen:api:`;
  return {
    /** Cached validation of a bearer token, by the token's SHA-256 (JSON Principal or `{invalid}`), 60 s. */
    token: (hash: string) => `${p}token:${hash}`,
    /** The token hashes cached for one key / OAuth grant, so a revocation can drop them all. */
    tokensOf: (kind: string, id: string) => `${p}tokens-of:${kind}:${id}`,
    /** Rate-limit buckets (rate-limiter-flexible key prefix). */
    rateLimit: `${p}rl`,
    /** Hash of REST calls per OAuth grant (field = grant uuid). */
    grantRequests: `${p}grant-requests`,
    /** A stored answer of a creating POST, by tenant, actor and Idempotency-Key. */
    idempotency: (tenantId: string, actor: string, key: string) => `${p}idem:${tenantId}:${actor}:${key}`,
  } as const;
}
