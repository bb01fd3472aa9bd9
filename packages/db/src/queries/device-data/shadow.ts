import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../../client";
import { devices } from "../../schema";

export interface TenantDeviceShadow {
  deviceId: string;
  productId: string;
  enabled: boolean;
  reported: Record<string, unknown>;
  desired: Record<string, unknown>;
  version: number;
}

const shadowColumns = {
  deviceId: devices.id,
  productId: devices.productId,
  enabled: devices.enabled,
  reported: devices.reported,
  desired: devices.desired,
  version: devices.shadowVersion,
};

export async function findTenantDeviceShadow(tx: Tx, tenantId: string, deviceId: string): Promise<TenantDeviceShadow | undefined> {
  const [row] = await tx
    .select(shadowColumns)
    .from(devices)
    .where(and(eq(devices.tenantId, tenantId), eq(devices.id, deviceId)))
    .limit(1);
  return row;
}

export interface DesiredPatch {
  /** Keys to set (top-level keys replace). */
  set: Record<string, unknown>;
  /** Keys to delete. */
  remove: string[];
  /** Only apply when the shadow is still at this version. */
  expectedVersion?: number;
}

/**
 * Merges a patch into a device's desired attributes and bumps the shadow version, in one statement.
 * `undefined` when the device does not exist in the tenant or `expectedVersion` no longer matches.
 */
export async function updateDesiredAttributes(
  tx: Tx,
  tenantId: string,
  deviceId: string,
  patch: DesiredPatch,
): Promise<TenantDeviceShadow | undefined> {
  const [row] = await tx
    .update(devices)
    .set({
      desired: sql`(${devices.desired} || ${JSON.stringify(patch.set)}::jsonb) - array(select jsonb_array_elements_text(${JSON.stringify(patch.remove)}::jsonb))`,
      shadowVersion: sql`${devices.shadowVersion} + 1`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(devices.tenantId, tenantId),
        eq(devices.id, deviceId),
        patch.expectedVersion === undefined ? undefined : eq(devices.shadowVersion, patch.expectedVersion),
      ),
    )
    .returning(shadowColumns);
  return row;
}
