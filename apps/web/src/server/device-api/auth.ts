import { hashSecret } from "@aspen/core";
import { findDeviceCredentialsBySecretHash, type DeviceCredentials } from "@aspen/db/broker";
import { getDb, getSystemDb } from "../db";
import { requestMeta } from "../request-meta";
import { deviceScope, type Scope } from "../services/scope";
import { recordDeviceErrors } from "./device-state";
import { DeviceApiError } from "./http";
import { limitDevice } from "./rate-limit";

/** The device a request authenticated as: the tenant and device every write is scoped to. */
export type AuthenticatedDevice = Omit<DeviceCredentials, "secretHash">;

const challenge = { "www-authenticate": 'Bearer realm="aspen-device"' };

/** The secret from `Authorization: Bearer <device secret>`, or null. */
export function bearerToken(req: Request): string | null {
  const header = req.headers.get("authorization");
  if (!header) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1]! : null;
}

/**
 * Authenticates a device by its secret (the same credential as its MQTT password / access token),
 * looked up by SHA-256 across tenants. Unknown secrets are 401; a disabled device or a suspended
 * tenant is 403 and recorded in the device's "last errors".
 */
export async function authenticateDevice(req: Request, route: string): Promise<AuthenticatedDevice> {
  const token = bearerToken(req);
  if (!token) {
    throw new DeviceApiError(
      401,
      "invalid_credentials",
      "Send the device secret as `Authorization: Bearer <device secret>`.",
      null,
      challenge,
    );
  }
  // Secrets are 43 characters of base64url; anything much longer is not one (and not worth hashing).
  const found = token.length <= 256 ? await findDeviceCredentialsBySecretHash(getSystemDb(), hashSecret(token)) : undefined;
  if (!found) {
    throw new DeviceApiError(
      401,
      "invalid_credentials",
      "Unknown device secret. Use the secret shown when the device was created or its secret was last rotated.",
      null,
      challenge,
    );
  }
  const { secretHash: _hash, ...device } = found;
  if (device.tenantStatus !== "active" || !device.enabled) {
    const suspended = device.tenantStatus !== "active";
    const reason = suspended ? "tenant is suspended" : "device is disabled";
    // A refused device still spends its request budget (429 past it), and its refusals the error-row budget.
    await limitDevice(device.deviceId);
    await recordDeviceErrors([
      { tenantId: device.tenantId, deviceId: device.deviceId, kind: "auth", reason, topic: route, at: Date.now() },
    ]);
    throw suspended
      ? new DeviceApiError(
          403,
          "tenant_suspended",
          "This device's tenant is suspended; its devices cannot send data. Contact the tenant's owner.",
        )
      : new DeviceApiError(403, "device_disabled", "This device is disabled. Enable it in the console to let it send data.");
  }
  return device;
}

/** The service scope of an authenticated device (packages: services/deviceApi). */
export function deviceScopeOf(req: Request, device: AuthenticatedDevice): Scope {
  return deviceScope({
    db: getDb(),
    tenant: { id: device.tenantId, slug: device.tenantSlug, name: device.tenantSlug, status: device.tenantStatus },
    device: { id: device.deviceId, name: device.deviceName, productId: device.productId },
    meta: requestMeta(req.headers),
  });
}
