import { acknowledgeAlarm, acknowledgeAlarmInput, acknowledgeAlarmOutput } from "../../services/alarm/acknowledge";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Acknowledges an active alarm, with a comment. */
export const acknowledge = tenantProcedure
  .use(requirePermission("alert.manage"))
  .input(acknowledgeAlarmInput)
  .output(acknowledgeAlarmOutput)
  .mutation(({ ctx, input }) => acknowledgeAlarm(ctx.scope, input));
