import { createWebhook, createWebhookInput, createWebhookOutput } from "../../services/webhook/create";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Registers an endpoint; returns its secret once. */
export const create = tenantProcedure
  .use(requirePermission("webhook.manage"))
  .input(createWebhookInput)
  .output(createWebhookOutput)
  .mutation(({ ctx, input }) => createWebhook(ctx.scope, input));
