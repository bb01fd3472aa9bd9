import { replayWebhookDelivery, replayWebhookDeliveryInput, replayWebhookDeliveryOutput } from "../../services/webhook/replay";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Sends a delivery again. */
export const replay = tenantProcedure
  .use(requirePermission("webhook.manage"))
  .input(replayWebhookDeliveryInput)
  .output(replayWebhookDeliveryOutput)
  .mutation(({ ctx, input }) => replayWebhookDelivery(ctx.scope, input));
