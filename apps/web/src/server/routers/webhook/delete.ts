import { deleteWebhook, deleteWebhookInput, deleteWebhookOutput } from "../../services/webhook/delete";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Deletes an endpoint. */
export const deleteProcedure = tenantProcedure
  .use(requirePermission("webhook.manage"))
  .input(deleteWebhookInput)
  .output(deleteWebhookOutput)
  .mutation(({ ctx, input }) => deleteWebhook(ctx.scope, input));
