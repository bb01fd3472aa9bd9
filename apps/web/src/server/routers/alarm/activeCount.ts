import { activeAlarmCount, activeAlarmCountOutput } from "../../services/alarm/activeCount";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Open alarms in all and by severity (header badge). */
export const activeCount = tenantProcedure
  .use(requirePermission("device.read"))
  .output(activeAlarmCountOutput)
  .query(({ ctx }) => activeAlarmCount(ctx.scope, {}));
