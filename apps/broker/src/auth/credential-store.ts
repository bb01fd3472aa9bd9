import { credentialCachePutScript, credentialCacheTtlSeconds, dropDeviceCredentials, dropTenantCredentials } from "@aspen/core";
import type { Database } from "@aspen/db";
import { findDeviceCredentialsByNames, findDeviceCredentialsBySecretHashes, type DeviceCredentials } from "@aspen/db/broker";
import type { Redis } from "ioredis";
import { z } from "zod";
import { coalesce } from "../coalesce";
import type { RedisKeys } from "../keys";

const cachedCredentials = z.object({
  deviceId: z.string(),
  tenantId: z.string(),
  tenantSlug: z.string(),
  tenantStatus: z.enum(["active", "suspended"]),
  productId: z.string(),
  deviceName: z.string(),
  secretHash: z.string(),
  enabled: z.boolean(),
});

export interface CredentialStore {
  byName(tenantSlug: string, deviceName: string): Promise<DeviceCredentials | undefined>;
  bySecretHash(secretHash: string): Promise<DeviceCredentials | undefined>;
  /** Drops a device's cached credentials (secret rotated, disabled, deleted). */
  forgetDevice(deviceId: string): Promise<void>;
  /** Drops every cached credential of a tenant (suspended or reactivated). */
  forgetTenant(tenantId: string): Promise<void>;
}

/** Device credential lookups, cached in Redis for `ttlSeconds` and dropped at once on revocation. */
export function createCredentialStore(deps: { db: Database; redis: Redis; keys: RedisKeys; ttlSeconds?: number }): CredentialStore {
  const { db, redis, keys } = deps;
  const ttl = deps.ttlSeconds ?? credentialCacheTtlSeconds;

  // Cache misses of one event-loop turn (a reconnect storm) share one query.
  const loadByName = coalesce((names: { tenantSlug: string; deviceName: string }[]) => findDeviceCredentialsByNames(db, names));
  const loadByHash = coalesce((hashes: string[]) => findDeviceCredentialsBySecretHashes(db, hashes));

  async function cached(key: string, load: () => Promise<DeviceCredentials | undefined>) {
    // the epoch is read with the entry: a revocation after this point keeps the lookup from caching
    const [hit, epochNow] = await redis.mget(key, keys.authEpoch);
    if (hit) {
      const parsed = cachedCredentials.safeParse(JSON.parse(hit));
      if (parsed.success) return parsed.data;
    }
    const epoch = epochNow ?? "0";
    const creds = await load();
    if (creds) {
      await redis.eval(
        credentialCachePutScript,
        5,
        keys.authEpoch,
        keys.authByName(creds.tenantSlug, creds.deviceName),
        keys.authByHash(creds.secretHash),
        keys.authDeviceSet(creds.deviceId),
        keys.authTenantSet(creds.tenantId),
        epoch,
        JSON.stringify(creds),
        String(ttl),
      );
    }
    return creds;
  }

  return {
    byName: (slug, name) => cached(keys.authByName(slug, name), () => loadByName({ tenantSlug: slug, deviceName: name })),
    bySecretHash: (hash) => cached(keys.authByHash(hash), () => loadByHash(hash)),
    async forgetDevice(deviceId) {
      await redis.eval(...dropDeviceCredentials(keys, deviceId));
    },
    async forgetTenant(tenantId) {
      await redis.eval(...dropTenantCredentials(keys, tenantId));
    },
  };
}
