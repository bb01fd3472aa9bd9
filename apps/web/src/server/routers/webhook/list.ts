import { listWebhooks, listWebhooksInput, listWebhooksOutput } from "../../services/webhook/list";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Webhook endpoints. */
export const list = tenantProcedure
  .use(requirePermission("webhook.manage"))
  .input(listWebhooksInput)
  .output(listWebhooksOutput)
  .query(({ ctx, input }) => listWebhooks(ctx.scope, input));
