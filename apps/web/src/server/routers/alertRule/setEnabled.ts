import { setAlertRuleEnabled, setAlertRuleEnabledInput, setAlertRuleEnabledOutput } from "../../services/alertRule/setEnabled";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Turns an alert rule on or off. */
export const setEnabled = tenantProcedure
  .use(requirePermission("alert.manage"))
  .input(setAlertRuleEnabledInput)
  .output(setAlertRuleEnabledOutput)
  .mutation(({ ctx, input }) => setAlertRuleEnabled(ctx.scope, input));
