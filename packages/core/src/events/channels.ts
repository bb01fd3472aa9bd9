import { z } from "zod";

/**
 * Redis pub/sub channels between web and broker, with their message schemas.
 * `prefix` (env REDIS_PREFIX, default "") keeps parallel test runs apart.
 */
export function channels(prefix = "") {
  return {
    /** A device's secret was rotated, or it was disabled or deleted: drop cached credentials, close its connection. */
    deviceRevoked: `${prefix}aspen:device:revoked`,
    /** A product's thing model or settings changed: recompile its validators. */
    productChanged: `${prefix}aspen:product:changed`,
    /** A device's desired attributes changed: push them to the device. */
    deviceDesired: `${prefix}aspen:device:desired`,
    /** A command row was created: the broker holding the device sends it. */
    command: `${prefix}aspen:command`,
    /** A tenant was suspended or reactivated: refuse or allow its devices. */
    tenantChanged: `${prefix}aspen:tenant:changed`,
  } as const;
}

export type Channels = ReturnType<typeof channels>;

export const deviceRevokedMessage = z.object({
  tenantId: z.uuid(),
  deviceId: z.uuid(),
  reason: z.enum(["secret_rotated", "disabled", "deleted"]),
});
export const productChangedMessage = z.object({ tenantId: z.uuid(), productId: z.uuid() });
export const deviceDesiredMessage = z.object({ tenantId: z.uuid(), deviceId: z.uuid() });
export const commandMessage = z.object({ tenantId: z.uuid(), deviceId: z.uuid(), commandId: z.uuid() });
export const tenantChangedMessage = z.object({ tenantId: z.uuid() });

export type DeviceRevokedMessage = z.infer<typeof deviceRevokedMessage>;
export type ProductChangedMessage = z.infer<typeof productChangedMessage>;
export type DeviceDesiredMessage = z.infer<typeof deviceDesiredMessage>;
export type CommandMessage = z.infer<typeof commandMessage>;
