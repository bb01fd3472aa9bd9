import { eq } from "drizzle-orm";
import type { Tx } from "../../client";
import { devices } from "../../schema";

export interface DeviceShadow {
  tenantId: string;
  reported: Record<string, unknown>;
  desired: Record<string, unknown>;
  shadowVersion: number;
}

export async function findDeviceShadow(tx: Tx, deviceId: string): Promise<DeviceShadow | undefined> {
  const [row] = await tx
    .select({
      tenantId: devices.tenantId,
      reported: devices.reported,
      desired: devices.desired,
      shadowVersion: devices.shadowVersion,
    })
    .from(devices)
    .where(eq(devices.id, deviceId))
    .limit(1);
  return row;
}
