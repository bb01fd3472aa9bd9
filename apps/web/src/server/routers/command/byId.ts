import { getCommand, getCommandInput, getCommandOutput } from "../../services/command/byId";
import { requirePermission, tenantProcedure } from "../../trpc";

/** One command (`cmd_…`) of the tenant. */
export const byId = tenantProcedure
  .use(requirePermission("device.read"))
  .input(getCommandInput)
  .output(getCommandOutput)
  .query(({ ctx, input }) => getCommand(ctx.scope, input));
