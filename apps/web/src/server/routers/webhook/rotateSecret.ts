import { rotateWebhookSecret, rotateWebhookSecretInput, rotateWebhookSecretOutput } from "../../services/webhook/rotateSecret";
import { requirePermission, tenantProcedure } from "../../trpc";

/** New signing secret (shown once), old one overlaps. */
export const rotateSecret = tenantProcedure
  .use(requirePermission("webhook.manage"))
  .input(rotateWebhookSecretInput)
  .output(rotateWebhookSecretOutput)
  .mutation(({ ctx, input }) => rotateWebhookSecret(ctx.scope, input));
