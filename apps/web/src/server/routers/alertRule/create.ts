import { createAlertRule, createAlertRuleInput, createAlertRuleOutput } from "../../services/alertRule/create";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Creates an alert rule of a product. */
export const create = tenantProcedure
  .use(requirePermission("alert.manage"))
  .input(createAlertRuleInput)
  .output(createAlertRuleOutput)
  .mutation(({ ctx, input }) => createAlertRule(ctx.scope, input));
