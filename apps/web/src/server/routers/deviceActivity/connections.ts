import { listDeviceConnections } from "@aspen/db/device-data";
import { z } from "zod";
import { mapPage, pageInput } from "../../pagination";
import { requirePermission, tenantProcedure } from "../../trpc";
import { deviceInput, requireDevice } from "../telemetry/_device";

/**
 * A device's connection history, newest first: when and from where it connected, over which
 * protocol (`mqtt`, `mqtts`, `ws`) and MQTT version (3 = 3.1, 4 = 3.1.1), and when and why it went
 * away (`disconnectedAt` null while connected).
 */
export const connections = tenantProcedure
  .use(requirePermission("device.read"))
  .input(z.object({ ...deviceInput, ...pageInput }))
  .query(async ({ ctx, input }) => {
    const page = await ctx.withTenant(async (tx) => {
      await requireDevice(tx, ctx.tenant.id, input.deviceId);
      return listDeviceConnections(tx, ctx.tenant.id, input.deviceId, input);
    });
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
  });
