import type { RedisKeys } from "./redis-keys";

/**
 * The brokers' device-credential cache in Redis (keys in `redisKeys`): entries by name and by secret
 * hash, remembered per device and per tenant, and an epoch that every revocation bumps. Both the
 * broker (which fills it) and the web app (which must empty it from the very request that rotates,
 * disables or deletes a device, not only through a pub/sub message that can be lost) run these
 * scripts.
 */

/** How long a credential stays cached. */
export const credentialCacheTtlSeconds = 300;

/**
 * Writes both entries only if no revocation happened since the lookup started (epoch unchanged),
 * and remembers them per device and per tenant so that a revocation finds them.
 * KEYS: epoch, byName, byHash, deviceSet, tenantSet. ARGV: epoch read before the lookup, JSON, TTL.
 */
export const credentialCachePutScript = `
local epoch = redis.call('GET', KEYS[1]) or '0'
if epoch ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
redis.call('SET', KEYS[3], ARGV[2], 'EX', ARGV[3])
redis.call('SADD', KEYS[4], KEYS[2], KEYS[3])
redis.call('EXPIRE', KEYS[4], ARGV[3])
redis.call('SADD', KEYS[5], KEYS[2], KEYS[3])
redis.call('EXPIRE', KEYS[5], ARGV[3])
return 1`;

/** Bumps the epoch and deletes every entry of one device or tenant. KEYS: epoch, the device's or tenant's set. Returns how many were deleted. */
export const credentialCacheDropScript = `
redis.call('INCR', KEYS[1])
local keys = redis.call('SMEMBERS', KEYS[2])
for _, k in ipairs(keys) do redis.call('DEL', k) end
redis.call('DEL', KEYS[2])
return #keys`;

/** EVAL arguments that drop a device's cached credentials: `redis.eval(...dropDeviceCredentials(keys, id))`. */
export function dropDeviceCredentials(keys: RedisKeys, deviceId: string): [string, number, string, string] {
  return [credentialCacheDropScript, 2, keys.authEpoch, keys.authDeviceSet(deviceId)];
}

/** EVAL arguments that drop every cached credential of a tenant. */
export function dropTenantCredentials(keys: RedisKeys, tenantId: string): [string, number, string, string] {
  return [credentialCacheDropScript, 2, keys.authEpoch, keys.authTenantSet(tenantId)];
}
