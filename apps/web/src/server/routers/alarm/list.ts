import { listAlarms, listAlarmsInput, listAlarmsOutput } from "../../services/alarm/list";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Alarms with filters, newest first. */
export const list = tenantProcedure
  .use(requirePermission("device.read"))
  .input(listAlarmsInput)
  .output(listAlarmsOutput)
  .query(({ ctx, input }) => listAlarms(ctx.scope, input));
