import { updateAlertRule, updateAlertRuleInput, updateAlertRuleOutput } from "../../services/alertRule/update";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Replaces an alert rule. */
export const update = tenantProcedure
  .use(requirePermission("alert.manage"))
  .input(updateAlertRuleInput)
  .output(updateAlertRuleOutput)
  .mutation(({ ctx, input }) => updateAlertRule(ctx.scope, input));
