import { generateWebhookSecret, webhookSecretHint } from "@aspen/core";
import { addWebhookSecret, insertWebhookEndpoint, withSystem } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { getSystemDb } from "../../db";
import { actingUserId, assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { assertWebhookTarget, webhookUrlInput } from "./_url";
import { eventTypesInput, toWebhookEndpointDto, webhookEndpointSchema } from "./dto";

export const createWebhookInput = z.object({
  url: webhookUrlInput,
  description: z.string().trim().max(500).default(""),
  eventTypes: eventTypesInput.default([]),
});
export const createWebhookOutput = z.object({
  endpoint: webhookEndpointSchema,
  /** `whsec_…`: shown this once, never again. */
  secret: z.string(),
});

/** Registers an endpoint and returns its signing secret once. */
export async function createWebhook(scope: Scope, input: z.output<typeof createWebhookInput>) {
  assertAllowed(scope, "webhook.manage");
  await assertWebhookTarget(input.url);
  const secret = generateWebhookSecret();
  const createdBy = actingUserId(scope);
  const row = await inTenant(scope, (tx) =>
    insertWebhookEndpoint(tx, {
      tenantId: scope.tenant.id,
      url: input.url,
      description: input.description,
      eventTypes: [...new Set(input.eventTypes)],
      secretHint: webhookSecretHint(secret),
      createdBy,
    }),
  );
  // The secrets table admits only system connections.
  await withSystem(getSystemDb(), (tx) => addWebhookSecret(tx, { tenantId: scope.tenant.id, endpointId: row.id, secret }));
  const endpoint = toWebhookEndpointDto(row);
  await recordAudit(auditOf(scope), {
    action: "webhook.create",
    targetType: "webhook",
    targetId: endpoint.id,
    targetName: row.url,
    details: { eventTypes: row.eventTypes },
  });
  return { endpoint, secret };
}
