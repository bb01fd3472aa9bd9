import { sendCommand, sendCommandInput, sendCommandOutput } from "../../services/command/send";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Sends a thing-model command to a device (queued until it is online, until `ttlSeconds`). */
export const send = tenantProcedure
  .use(requirePermission("device.command"))
  .input(sendCommandInput)
  .output(sendCommandOutput)
  .mutation(({ ctx, input }) => sendCommand(ctx.scope, input));
