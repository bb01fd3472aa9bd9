import { generateWebhookSecret, webhookSecretHint } from "@aspen/core";
import { addWebhookSecret, findWebhookEndpoint, updateWebhookEndpoint, withSystem } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { getSystemDb } from "../../db";
import { notFound } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { toWebhookEndpointDto, webhookEndpointSchema } from "./dto";

export const rotateWebhookSecretInput = z.object({
  id: publicIdInput("whk"),
  /** How long the old secret keeps signing too (both signatures are sent); 0 drops it at once. */
  overlapHours: z.int().min(0).max(72).default(24),
});
export const rotateWebhookSecretOutput = z.object({ endpoint: webhookEndpointSchema, secret: z.string() });

/** Issues a new signing secret (shown once); the old one signs alongside until the overlap ends. */
export async function rotateWebhookSecret(scope: Scope, input: z.output<typeof rotateWebhookSecretInput>) {
  assertAllowed(scope, "webhook.manage");
  const secret = generateWebhookSecret();
  const row = await inTenant(scope, async (tx) => {
    if (!(await findWebhookEndpoint(tx, scope.tenant.id, input.id))) throw notFound("Webhook");
    return updateWebhookEndpoint(tx, scope.tenant.id, input.id, { secretHint: webhookSecretHint(secret) });
  });
  if (!row) throw notFound("Webhook");
  const overlapUntil = input.overlapHours > 0 ? new Date(Date.now() + input.overlapHours * 3600_000) : undefined;
  await withSystem(getSystemDb(), (tx) =>
    addWebhookSecret(tx, { tenantId: scope.tenant.id, endpointId: row.id, secret, ...(overlapUntil ? { overlapUntil } : {}) }),
  );
  const endpoint = toWebhookEndpointDto(row);
  await recordAudit(auditOf(scope), {
    action: "webhook.rotate_secret",
    targetType: "webhook",
    targetId: endpoint.id,
    targetName: row.url,
    details: { overlapHours: input.overlapHours },
  });
  return { endpoint, secret };
}
