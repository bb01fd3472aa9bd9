import { eq, sql } from "drizzle-orm";
import type { Tx } from "../../client";
import { devices, tenants } from "../../schema";
import { textArray } from "./pg-array";

/** What the broker needs to authenticate a device and scope everything it does. */
export interface DeviceCredentials {
  deviceId: string;
  tenantId: string;
  tenantSlug: string;
  tenantStatus: "active" | "suspended";
  productId: string;
  deviceName: string;
  secretHash: string;
  enabled: boolean;
}

const columns = {
  deviceId: devices.id,
  tenantId: devices.tenantId,
  tenantSlug: tenants.slug,
  tenantStatus: tenants.status,
  productId: devices.productId,
  deviceName: devices.name,
  secretHash: devices.secretHash,
  enabled: devices.enabled,
};

const nameKey = (tenantSlug: string, deviceName: string) => `${tenantSlug}\u0000${deviceName}`;

/**
 * Devices by `<tenant-slug>/<device-name>` (MQTT usernames), across tenants, in one query: the
 * result is aligned with `names` (undefined where there is no such device). System connections only.
 */
export async function findDeviceCredentialsByNames(
  tx: Tx,
  names: readonly { tenantSlug: string; deviceName: string }[],
): Promise<(DeviceCredentials | undefined)[]> {
  if (names.length === 0) return [];
  const rows = await tx
    .select(columns)
    .from(devices)
    .innerJoin(tenants, eq(tenants.id, devices.tenantId))
    .where(
      sql`(${tenants.slug}, ${devices.name}) in (select * from unnest(${textArray(names.map((n) => n.tenantSlug))}::text[], ${textArray(names.map((n) => n.deviceName))}::text[]))`,
    );
  const found = new Map(rows.map((r) => [nameKey(r.tenantSlug, r.deviceName), r]));
  return names.map((n) => found.get(nameKey(n.tenantSlug, n.deviceName)));
}

/**
 * Devices by id, across tenants, in one query, aligned with `deviceIds` (undefined where the device
 * no longer exists): the broker's periodic re-check of its connected devices. System connections only.
 */
export async function findDeviceCredentialsByIds(tx: Tx, deviceIds: readonly string[]): Promise<(DeviceCredentials | undefined)[]> {
  if (deviceIds.length === 0) return [];
  const rows = await tx
    .select(columns)
    .from(devices)
    .innerJoin(tenants, eq(tenants.id, devices.tenantId))
    .where(sql`${devices.id} = any(${textArray(deviceIds)}::uuid[])`);
  const found = new Map(rows.map((r) => [r.deviceId, r]));
  return deviceIds.map((id) => found.get(id));
}

/** Devices by the SHA-256 of their secrets (ThingsBoard-style access tokens), in one query, aligned with `secretHashes`. */
export async function findDeviceCredentialsBySecretHashes(
  tx: Tx,
  secretHashes: readonly string[],
): Promise<(DeviceCredentials | undefined)[]> {
  if (secretHashes.length === 0) return [];
  const rows = await tx
    .select(columns)
    .from(devices)
    .innerJoin(tenants, eq(tenants.id, devices.tenantId))
    .where(sql`${devices.secretHash} = any(${textArray(secretHashes)}::text[])`);
  const found = new Map(rows.map((r) => [r.secretHash, r]));
  return secretHashes.map((h) => found.get(h));
}

/** A device by the SHA-256 of its secret (ThingsBoard-style access token), across tenants. */
export async function findDeviceCredentialsBySecretHash(tx: Tx, secretHash: string): Promise<DeviceCredentials | undefined> {
  return (await findDeviceCredentialsBySecretHashes(tx, [secretHash]))[0];
}

export async function findTenantStatus(tx: Tx, tenantId: string): Promise<"active" | "suspended" | undefined> {
  const [row] = await tx.select({ status: tenants.status }).from(tenants).where(eq(tenants.id, tenantId)).limit(1);
  return row?.status;
}

/** The tenant and product of a device (for a Last Will published after its broker died). */
export async function findDeviceIdentity(tx: Tx, deviceId: string): Promise<{ tenantId: string; productId: string } | undefined> {
  const [row] = await tx
    .select({ tenantId: devices.tenantId, productId: devices.productId })
    .from(devices)
    .where(eq(devices.id, deviceId))
    .limit(1);
  return row;
}
