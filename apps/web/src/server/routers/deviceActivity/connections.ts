import { listDeviceConnections, listDeviceConnectionsInput, listDeviceConnectionsOutput } from "../../services/deviceActivity/connections";
import { requirePermission, tenantProcedure } from "../../trpc";

/** A device's connection history, newest first. */
export const connections = tenantProcedure
  .use(requirePermission("device.read"))
  .input(listDeviceConnectionsInput)
  .output(listDeviceConnectionsOutput)
  .query(({ ctx, input }) => listDeviceConnections(ctx.scope, input));
