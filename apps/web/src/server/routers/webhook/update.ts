import { updateWebhook, updateWebhookInput, updateWebhookOutput } from "../../services/webhook/update";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Changes an endpoint. */
export const update = tenantProcedure
  .use(requirePermission("webhook.manage"))
  .input(updateWebhookInput)
  .output(updateWebhookOutput)
  .mutation(({ ctx, input }) => updateWebhook(ctx.scope, input));
