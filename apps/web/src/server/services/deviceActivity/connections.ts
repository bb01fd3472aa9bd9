import { listDeviceConnections as queryConnections } from "@aspen/db/device-data";
import { z } from "zod";
import { mapPage, pageInput, pageOf } from "../../pagination";
import { deviceInput, withDevice } from "../device/require";
import { assertAllowed, type Scope } from "../scope";

export const listDeviceConnectionsInput = z.object({ ...deviceInput, ...pageInput });
export const listDeviceConnectionsOutput = pageOf(
  z.object({
    id: z.string(),
    connectedAt: z.date(),
    /** null while connected. */
    disconnectedAt: z.date().nullable(),
    ip: z.string().nullable(),
    /** `mqtt`, `mqtts` or `ws`. */
    protocol: z.string(),
    /** 3 = MQTT 3.1, 4 = 3.1.1. */
    protocolVersion: z.number().int().nullable(),
    clientId: z.string(),
    broker: z.string(),
    reason: z.string().nullable(),
    durationMs: z.number().nullable(),
  }),
);

/**
 * A device's connection history, newest first: when and from where it connected, over which
 * protocol (`mqtt`, `mqtts`, `ws`) and MQTT version (3 = 3.1, 4 = 3.1.1), and when and why it went
 * away (`disconnectedAt` null while connected).
 */
export async function listDeviceConnections(
  scope: Scope,
  input: z.output<typeof listDeviceConnectionsInput>,
): Promise<z.output<typeof listDeviceConnectionsOutput>> {
  assertAllowed(scope, "device.read");
  const page = await withDevice(scope, input.deviceId, (tx) => queryConnections(tx, scope.tenant.id, input.deviceId, input));
  return mapPage(page, (c) => ({
    id: c.id,
    connectedAt: c.connectedAt,
    disconnectedAt: c.disconnectedAt,
    ip: c.ip,
    protocol: c.protocol,
    protocolVersion: c.protocolVersion,
    clientId: c.clientId,
    broker: c.brokerId,
    reason: c.reason,
    durationMs: c.disconnectedAt ? c.disconnectedAt.getTime() - c.connectedAt.getTime() : null,
  }));
}
