import { channels } from "@aspen/core";

/**
 * Every Redis key and channel the broker uses, under REDIS_PREFIX. The web app reads `latest`,
 * `usage` and subscribes to `live`; it publishes on `channels` (packages/core).
 */
export function redisKeys(prefix: string) {
  const p = `${prefix}aspen:`;
  return {
    channels: channels(prefix),
    /** Live updates for the console, one channel per tenant (JSON, see LiveMessage). */
    live: (tenantId: string) => `${p}live:${tenantId}`,
    /** Hash of a device's latest values: field = key, value = JSON `{ts, value}`. */
    latest: (deviceId: string) => `${p}latest:${deviceId}`,
    /** Hash of one tenant's usage on one UTC day (`YYYYMMDD`): fields `messages`, `points`, `bytes`. */
    usage: (tenantId: string, day: string) => `${p}usage:${tenantId}:${day}`,
    /** Set of tenants with usage on a day, so the rollup need not scan keys. */
    usageTenants: (day: string) => `${p}usage-tenants:${day}`,
    /** Credential cache entries (JSON DeviceCredentials). */
    authByName: (tenantSlug: string, deviceName: string) => `${p}auth:name:${tenantSlug}/${deviceName}`,
    authByHash: (secretHash: string) => `${p}auth:hash:${secretHash}`,
    /** Cache keys of one device / one tenant, so a revocation can delete them. */
    authDeviceSet: (deviceId: string) => `${p}auth:device:${deviceId}`,
    authTenantSet: (tenantId: string) => `${p}auth:tenant:${tenantId}`,
    /** Bumped on every revocation: a lookup that started before it does not write the cache. */
    authEpoch: `${p}auth:epoch`,
    /** A broker's liveness (expires unless refreshed). */
    brokerAlive: (brokerId: string) => `${p}broker:${brokerId}`,
    /** Set of broker ids that have run under this prefix (so a broker only reaps its own cluster's peers). */
    brokers: `${p}brokers`,
    /** Key prefix of aedes' own session persistence (aedes-persistence-redis). */
    aedesPersistence: `${p}aedes:`,
    /** Pub/sub topic prefix of aedes' Redis emitter (mqemitter-redis). */
    aedesEmitter: `${p}mq:`,
  } as const;
}

export type RedisKeys = ReturnType<typeof redisKeys>;

/** What a tenant's live channel carries. */
export type LiveMessage =
  | { type: "telemetry"; deviceId: string; ts: number; values: Record<string, number | boolean | string> }
  | { type: "presence"; deviceId: string; online: boolean; at: number; reason?: string }
  | { type: "shadow"; deviceId: string; reported: Record<string, unknown>; version: number }
  | { type: "event"; deviceId: string; event: string; level: string; ts: number; params: Record<string, unknown> }
  | { type: "command"; deviceId: string; commandId: string; status: string }
  | { type: "error"; deviceId: string; kind: string; reason: string; at: number };
