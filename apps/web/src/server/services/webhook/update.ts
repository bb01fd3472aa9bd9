import { findWebhookEndpoint, updateWebhookEndpoint } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { notFound } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { assertWebhookTarget, webhookUrlInput } from "./_url";
import { eventTypesInput, toWebhookEndpointDto, webhookEndpointSchema } from "./dto";

export const updateWebhookInput = z.object({
  id: publicIdInput("whk"),
  url: webhookUrlInput.optional(),
  description: z.string().trim().max(500).optional(),
  eventTypes: eventTypesInput.optional(),
  /** Re-enabling clears the failure count and the disabled reason. */
  enabled: z.boolean().optional(),
});
export const updateWebhookOutput = webhookEndpointSchema;

/** Changes an endpoint's URL, description, event types or enabled state. */
export async function updateWebhook(scope: Scope, input: z.output<typeof updateWebhookInput>) {
  assertAllowed(scope, "webhook.manage");
  if (input.url !== undefined) await assertWebhookTarget(input.url);
  const row = await inTenant(scope, async (tx) => {
    if (!(await findWebhookEndpoint(tx, scope.tenant.id, input.id))) throw notFound("Webhook");
    return updateWebhookEndpoint(tx, scope.tenant.id, input.id, {
      ...(input.url !== undefined ? { url: input.url } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.eventTypes !== undefined ? { eventTypes: [...new Set(input.eventTypes)] } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled, disabledReason: input.enabled ? null : "manual" } : {}),
    });
  });
  if (!row) throw notFound("Webhook");
  const dto = toWebhookEndpointDto(row);
  const changed = Object.keys(input).filter((k) => k !== "id");
  await recordAudit(auditOf(scope), {
    action: "webhook.update",
    targetType: "webhook",
    targetId: dto.id,
    targetName: row.url,
    details: { changed },
  });
  return dto;
}
