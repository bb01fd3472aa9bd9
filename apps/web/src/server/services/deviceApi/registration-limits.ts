import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { getEnv } from "../../../env";
import { DeviceApiError } from "../../device-api/http";
import { getRedis } from "../../redis";

/**
 * Limits of self-registration per product, on top of the per-IP rate: a leaked product secret must
 * not let anyone fill a tenant with devices. Mutable only so tests can lower them.
 */
export const selfRegistrationLimits = {
  /** Devices a product may have before self-registration refuses more (create more in the console). */
  devicesPerProduct: 10_000,
  /** Self-registrations per product per minute. */
  perProductPerMinute: 60,
};

const g = globalThis as unknown as { __aspenRegistrationLimiter?: { points: number; limiter: RateLimiterRedis } };

function limiter(): RateLimiterRedis {
  const points = selfRegistrationLimits.perProductPerMinute;
  if (g.__aspenRegistrationLimiter?.points !== points) {
    g.__aspenRegistrationLimiter = {
      points,
      limiter: new RateLimiterRedis({
        storeClient: getRedis(),
        keyPrefix: `${getEnv().REDIS_PREFIX}aspen:device-http:register-product`,
        points,
        duration: 60,
      }),
    };
  }
  return g.__aspenRegistrationLimiter.limiter;
}

/** Counts one self-registration of `productId`; 429 over the per-product rate. */
export async function limitProductRegistration(productId: string): Promise<void> {
  try {
    await limiter().consume(productId, 1);
  } catch (err) {
    if (!(err instanceof RateLimiterRes)) throw err;
    const retry = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
    throw new DeviceApiError(
      429,
      "rate_limited",
      `Too many self-registrations for this product: at most ${selfRegistrationLimits.perProductPerMinute} per minute. Retry after ${retry} s.`,
      { retryAfterSeconds: retry },
      { "retry-after": String(retry) },
    );
  }
}

/** 403 when the product already has as many devices as self-registration may create. */
export function assertBelowProductCap(devices: number): void {
  if (devices >= selfRegistrationLimits.devicesPerProduct) {
    throw new DeviceApiError(
      403,
      // The device API's codes are closed (device-api/http.ts): self-registration is closed for this product.
      "self_registration_disabled",
      `Self-registration is closed for this product: it has ${devices} devices, the most self-registration may create (${selfRegistrationLimits.devicesPerProduct}). Create more in the console.`,
      { reason: "product_device_limit", limit: selfRegistrationLimits.devicesPerProduct },
    );
  }
}
