import { alertRuleById, alertRuleByIdInput, alertRuleByIdOutput } from "../../services/alertRule/byId";
import { requirePermission, tenantProcedure } from "../../trpc";

/** One alert rule with its summary. */
export const byId = tenantProcedure
  .use(requirePermission("device.read"))
  .input(alertRuleByIdInput)
  .output(alertRuleByIdOutput)
  .query(({ ctx, input }) => alertRuleById(ctx.scope, input));
