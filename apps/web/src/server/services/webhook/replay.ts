import { findDelivery, markDeliveryReplay } from "@aspen/db";
import { webhookDeliverJob } from "@aspen/jobs";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { notFound } from "../../errors";
import { getProducer } from "../../jobs";
import { publicId, publicIdInput } from "../../public-ids";
import { assertAllowed, auditOf, inTenant, type Scope } from "../scope";

export const replayWebhookDeliveryInput = z.object({
  deliveryId: publicIdInput("dlv"),
  /** The endpoint the delivery must belong to (the REST path names it); any of the tenant's when absent. */
  id: publicIdInput("whk").optional(),
});
export const replayWebhookDeliveryOutput = z.object({ deliveryId: z.string(), replay: z.number().int() });

/** Sends a delivery again (same body and webhook-id, fresh attempts). */
export async function replayWebhookDelivery(scope: Scope, input: z.output<typeof replayWebhookDeliveryInput>) {
  assertAllowed(scope, "webhook.manage");
  const replay = await inTenant(scope, async (tx) => {
    const delivery = await findDelivery(tx, scope.tenant.id, input.deliveryId);
    if (!delivery || (input.id !== undefined && delivery.endpointId !== input.id)) throw notFound("Webhook delivery");
    return markDeliveryReplay(tx, scope.tenant.id, input.deliveryId);
  });
  if (replay === undefined) throw notFound("Webhook delivery");
  await getProducer().enqueue(webhookDeliverJob, { tenantId: scope.tenant.id, deliveryId: input.deliveryId, replay });
  const deliveryId = publicId("dlv", input.deliveryId);
  await recordAudit(auditOf(scope), { action: "webhook.replay", targetType: "webhook_delivery", targetId: deliveryId });
  return { deliveryId, replay };
}
