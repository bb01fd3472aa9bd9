import { and, eq } from "drizzle-orm";
import type { Tx } from "../../client";
import { devices, tenants } from "../../schema";

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

/** A device by `<tenant-slug>/<device-name>` (the MQTT username), across tenants: system connections only. */
export async function findDeviceCredentialsByName(
  tx: Tx,
  tenantSlug: string,
  deviceName: string,
): Promise<DeviceCredentials | undefined> {
  const [row] = await tx
    .select(columns)
    .from(devices)
    .innerJoin(tenants, eq(tenants.id, devices.tenantId))
    .where(and(eq(tenants.slug, tenantSlug), eq(devices.name, deviceName)))
    .limit(1);
  return row;
}

/** A device by the SHA-256 of its secret (ThingsBoard-style access token), across tenants. */
export async function findDeviceCredentialsBySecretHash(tx: Tx, secretHash: string): Promise<DeviceCredentials | undefined> {
  const [row] = await tx
    .select(columns)
    .from(devices)
    .innerJoin(tenants, eq(tenants.id, devices.tenantId))
    .where(eq(devices.secretHash, secretHash))
    .limit(1);
  return row;
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
