/**
 * Redis keys the broker owns and the device HTTP API writes too, so that data sent over HTTP counts
 * and shows up exactly like MQTT data. Must match `redisKeys` in apps/broker/src/keys.ts (an app may
 * not import another app); they belong in packages/core next to `channels`.
 */
export function brokerKeys(prefix: string) {
  const p = `${prefix}aspen:`;
  return {
    /** Live updates for the console, one channel per tenant (a JSON array of LiveMessage). */
    live: (tenantId: string) => `${p}live:${tenantId}`,
    /** Hash of a device's latest values: field = key, value = JSON `{ts, value}`. */
    latest: (deviceId: string) => `${p}latest:${deviceId}`,
    /** Hash of one tenant's usage on one UTC day (`YYYYMMDD`): fields `messages`, `points`, `bytes`. */
    usage: (tenantId: string, day: string) => `${p}usage:${tenantId}:${day}`,
    /** Set of tenants with usage on a day. */
    usageTenants: (day: string) => `${p}usage-tenants:${day}`,
  } as const;
}

/** What a tenant's live channel carries (same shapes as the broker's). */
export type LiveMessage =
  | { type: "telemetry"; deviceId: string; ts: number; values: Record<string, number | boolean | string> }
  | { type: "shadow"; deviceId: string; reported: Record<string, unknown>; version: number }
  | { type: "desired"; deviceId: string; desired: Record<string, unknown>; version: number }
  | { type: "event"; deviceId: string; event: string; level: string; ts: number; params: Record<string, unknown> }
  | { type: "command"; deviceId: string; commandId: string; status: string }
  | { type: "error"; deviceId: string; kind: string; reason: string; at: number };

export const usageTtlSeconds = 40 * 86_400;

export const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10).replaceAll("-", "");
