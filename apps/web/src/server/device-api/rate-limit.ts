import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { getEnv } from "../../env";
import { getRedis } from "../redis";
import { DeviceApiError } from "./http";

/** Requests one device may make per minute over HTTP (telemetry, attributes, command polls). */
export const deviceRequestsPerMinute = 600;
/** Self-registrations per client IP per minute. */
export const registrationsPerIpPerMinute = 30;
/** `device_errors` rows one device may add per minute over HTTP (the broker's ERROR_ROWS_PER_MINUTE default). */
export const deviceErrorRowsPerMinute = 10;

const g = globalThis as unknown as {
  __aspenDeviceLimiters?: { device: RateLimiterRedis; register: RateLimiterRedis; errorRows: RateLimiterRedis };
};

function limiters() {
  if (!g.__aspenDeviceLimiters) {
    const prefix = `${getEnv().REDIS_PREFIX}aspen:device-http`;
    const storeClient = getRedis();
    g.__aspenDeviceLimiters = {
      device: new RateLimiterRedis({ storeClient, keyPrefix: `${prefix}:device`, points: deviceRequestsPerMinute, duration: 60 }),
      register: new RateLimiterRedis({ storeClient, keyPrefix: `${prefix}:register`, points: registrationsPerIpPerMinute, duration: 60 }),
      errorRows: new RateLimiterRedis({ storeClient, keyPrefix: `${prefix}:error-rows`, points: deviceErrorRowsPerMinute, duration: 60 }),
    };
  }
  return g.__aspenDeviceLimiters;
}

async function consume(limiter: RateLimiterRedis, key: string, what: string): Promise<void> {
  try {
    await limiter.consume(key, 1);
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err;
    const retry = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
    throw new DeviceApiError(
      429,
      "rate_limited",
      `Too many ${what}: at most ${limiter.points} per minute. Retry after ${retry} s, or batch several points per request.`,
      { retryAfterSeconds: retry },
      { "retry-after": String(retry) },
    );
  }
}

/** Counts one request of a device; 429 when it is over its per-minute budget. */
export function limitDevice(deviceId: string): Promise<void> {
  return consume(limiters().device, deviceId, "requests from this device");
}

/**
 * Takes `rows` from the device's per-minute budget of error rows: false when it is spent (the rows
 * are then not written). Checked before anything is recorded, so refused requests — a disabled
 * device retrying in a loop, say — cost at most `deviceErrorRowsPerMinute` rows a minute.
 */
export async function mayRecordDeviceErrors(deviceId: string, rows: number): Promise<boolean> {
  try {
    await limiters().errorRows.consume(deviceId, rows);
    return true;
  } catch (err) {
    if (err instanceof RateLimiterRes) return false;
    throw err;
  }
}

/** Counts one self-registration from an IP (unknown IPs are not limited here). */
export async function limitRegistration(ip: string | null): Promise<void> {
  if (ip) await consume(limiters().register, ip, "registrations from this address");
}
