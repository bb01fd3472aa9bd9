import { hashSecret } from "@aspen/core";
import { getRedis } from "../../redis";
import { restKeys } from "./keys";
import type { Principal, TokenRefusal } from "./principal";

/** How long a validation is trusted before Postgres is asked again (and lastUsedAt written). */
export const tokenCacheSeconds = 60;

export type CachedToken = { ok: true; principal: Principal } | { ok: false; refusal: TokenRefusal };

/** A resolver for one kind of token (by prefix): the Postgres lookup behind the cache. */
export type TokenLookup = (token: string, hash: string) => Promise<CachedToken>;

/**
 * Validates a bearer token: from the shared Redis cache when another request (on any web process)
 * validated it in the last minute, else with `lookup` (Postgres), whose answer is cached — refusals too,
 * so a flood of bad tokens does not reach Postgres either.
 */
export async function validateToken(token: string, lookup: TokenLookup): Promise<CachedToken> {
  const hash = hashSecret(token);
  const redis = getRedis();
  const keys = restKeys();
  const cached = await redis.get(keys.token(hash));
  if (cached) return JSON.parse(cached) as CachedToken;
  const result = await lookup(token, hash);
  const tx = redis.multi().set(keys.token(hash), JSON.stringify(result), "EX", tokenCacheSeconds);
  if (result.ok) {
    const ref = keys.tokensOf(result.principal.revokeRef.kind, result.principal.revokeRef.id);
    tx.sadd(ref, hash).expire(ref, tokenCacheSeconds * 2);
  }
  await tx.exec();
  return result;
}

/** Drops every cached validation of a key or an OAuth grant (after revoking it): the next call is refused. */
export async function forgetApiToken(ref: { kind: "apiKey" | "oauthGrant"; id: string }): Promise<void> {
  const redis = getRedis();
  const keys = restKeys();
  const set = keys.tokensOf(ref.kind, ref.id);
  const hashes = await redis.smembers(set);
  const tx = redis.multi().del(set);
  for (const h of hashes) tx.del(keys.token(h));
  await tx.exec();
}

/** Drops the cached validation of one token (OAuth revocation of a single token). */
export async function forgetToken(token: string): Promise<void> {
  await getRedis().del(restKeys().token(hashSecret(token)));
}
