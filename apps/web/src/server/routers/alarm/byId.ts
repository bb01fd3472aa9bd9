import { alarmById, alarmByIdInput, alarmByIdOutput } from "../../services/alarm/byId";
import { requirePermission, tenantProcedure } from "../../trpc";

/** One alarm with its timeline. */
export const byId = tenantProcedure
  .use(requirePermission("device.read"))
  .input(alarmByIdInput)
  .output(alarmByIdOutput)
  .query(({ ctx, input }) => alarmById(ctx.scope, input));
