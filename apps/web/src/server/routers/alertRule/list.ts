import { listAlertRules, listAlertRulesInput, listAlertRulesOutput } from "../../services/alertRule/list";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Alert rules, optionally of one product. */
export const list = tenantProcedure
  .use(requirePermission("device.read"))
  .input(listAlertRulesInput)
  .output(listAlertRulesOutput)
  .query(({ ctx, input }) => listAlertRules(ctx.scope, input));
