import { clearAlarm, clearAlarmInput, clearAlarmOutput } from "../../services/alarm/clear";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Clears an alarm by hand. */
export const clear = tenantProcedure
  .use(requirePermission("alert.manage"))
  .input(clearAlarmInput)
  .output(clearAlarmOutput)
  .mutation(({ ctx, input }) => clearAlarm(ctx.scope, input));
