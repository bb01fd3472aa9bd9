import { activeAlarmCount, activeAlarmCountInput, activeAlarmCountOutput } from "../../services/alarm/activeCount";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Open alarms in all and by severity (header badge). */
export const activeCount = tenantProcedure
  .use(requirePermission("device.read"))
  .input(activeAlarmCountInput)
  .output(activeAlarmCountOutput)
  .query(({ ctx, input }) => activeAlarmCount(ctx.scope, input));
