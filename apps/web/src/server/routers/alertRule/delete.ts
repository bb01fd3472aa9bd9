import { deleteAlertRule, deleteAlertRuleInput, deleteAlertRuleOutput } from "../../services/alertRule/delete";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Deletes an alert rule and its alarms. */
export const deleteProcedure = tenantProcedure
  .use(requirePermission("alert.manage"))
  .input(deleteAlertRuleInput)
  .output(deleteAlertRuleOutput)
  .mutation(({ ctx, input }) => deleteAlertRule(ctx.scope, input));
