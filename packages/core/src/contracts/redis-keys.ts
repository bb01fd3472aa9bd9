import { channels } from "../events/channels";
import { ingestStreamKey } from "../events/ingest-stream";

/**
 * Every Redis key and pub/sub channel the broker and the web app share, under REDIS_PREFIX. The one
 * copy of this contract: the broker writes `latest`, `usage`, `live`, the credential cache and the
 * ingest stream; the web app writes the same keys for the device HTTP API, reads `latest` and
 * `usage`, subscribes to `live` and publishes on `channels`.
 */
export function redisKeys(prefix = "") {
  const p = `${prefix}aspen:`;
  return {
    channels: channels(prefix),
    /** Live updates for the console, one channel per tenant (a JSON array of LiveMessage). */
    live: (tenantId: string) => `${p}live:${tenantId}`,
    /** Hash of a device's latest values: field = key, value = JSON `{ts, value}`. */
    latest: (deviceId: string) => `${p}latest:${deviceId}`,
    /** Hash of one tenant's usage on one UTC day (`YYYYMMDD`, see `utcDay`): fields `messages`, `points`, `bytes`. */
    usage: (tenantId: string, day: string) => `${p}usage:${tenantId}:${day}`,
    /** Set of tenants with usage on a day, so the rollup need not scan keys. */
    usageTenants: (day: string) => `${p}usage-tenants:${day}`,
    /** A user's access ended or narrowed (AccessChangedMessage): web instances re-check their live streams. */
    accessChanged: `${p}access:changed`,
    /** A dashboard's share links changed (ShareChangedMessage): web instances re-check their share streams. */
    shareChanged: `${p}share:changed`,
    /** A tenant's plan changed (PlanChangedMessage): web instances drop the plan they cached for it. */
    planChanged: `${p}plan:changed`,
    /** Committed batches for the worker (packages/core events/ingest-stream). */
    ingestStream: ingestStreamKey(prefix),
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

/** Usage counters live this long (the daily rollup reads them well before). */
export const usageTtlSeconds = 40 * 86_400;

let dayCache = { from: 0, to: -1, day: "" };
/** `YYYYMMDD` (UTC) of a time: the usage counters' day key. Remembered for the day it falls in (asked once per message). */
export function utcDay(ms: number): string {
  if (ms < dayCache.from || ms > dayCache.to) {
    const from = ms - (((ms % 86_400_000) + 86_400_000) % 86_400_000);
    dayCache = { from, to: from + 86_399_999, day: new Date(ms).toISOString().slice(0, 10).replaceAll("-", "") };
  }
  return dayCache.day;
}
