import { webhookById, webhookByIdInput, webhookByIdOutput } from "../../services/webhook/byId";
import { requirePermission, tenantProcedure } from "../../trpc";

/** One webhook endpoint. */
export const byId = tenantProcedure
  .use(requirePermission("webhook.manage"))
  .input(webhookByIdInput)
  .output(webhookByIdOutput)
  .query(({ ctx, input }) => webhookById(ctx.scope, input));
