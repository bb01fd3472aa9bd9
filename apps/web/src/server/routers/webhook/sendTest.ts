import { sendTestWebhook, sendTestWebhookInput, sendTestWebhookOutput } from "../../services/webhook/sendTest";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Sends a test event. */
export const sendTest = tenantProcedure
  .use(requirePermission("webhook.manage"))
  .input(sendTestWebhookInput)
  .output(sendTestWebhookOutput)
  .mutation(({ ctx, input }) => sendTestWebhook(ctx.scope, input));
