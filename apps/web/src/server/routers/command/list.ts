import { listCommands, listCommandsInput, listCommandsOutput } from "../../services/command/list";
import { requirePermission, tenantProcedure } from "../../trpc";

/** A device's commands, newest first, optionally of one status. */
export const list = tenantProcedure
  .use(requirePermission("device.read"))
  .input(listCommandsInput)
  .output(listCommandsOutput)
  .query(({ ctx, input }) => listCommands(ctx.scope, input));
