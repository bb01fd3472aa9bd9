import { webhookDeliveries, webhookDeliveriesInput, webhookDeliveriesOutput } from "../../services/webhook/deliveries";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Delivery log with attempts. */
export const deliveries = tenantProcedure
  .use(requirePermission("webhook.manage"))
  .input(webhookDeliveriesInput)
  .output(webhookDeliveriesOutput)
  .query(({ ctx, input }) => webhookDeliveries(ctx.scope, input));
