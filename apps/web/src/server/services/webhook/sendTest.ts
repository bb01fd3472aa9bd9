import { testEventType } from "@aspen/core";
import { findWebhookEndpoint } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { notFound } from "../../errors";
import { publicId, publicIdInput } from "../../public-ids";
import { assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { deliverPayload } from "./emit";

export const sendTestWebhookInput = z.object({ id: publicIdInput("whk") });
export const sendTestWebhookOutput = z.object({ deliveryId: z.string(), endpointId: z.string() });

/** Sends a `webhook.test` event to one endpoint (even a disabled one); it shows in the delivery log. */
export async function sendTestWebhook(scope: Scope, input: z.output<typeof sendTestWebhookInput>) {
  assertAllowed(scope, "webhook.manage");
  const row = await inTenant(scope, (tx) => findWebhookEndpoint(tx, scope.tenant.id, input.id));
  if (!row) throw notFound("Webhook");
  const [id] = await deliverPayload(scope.tenant.id, [row.id], {
    type: testEventType,
    timestamp: new Date().toISOString(),
    data: { message: "A test event from Aspen", tenant: scope.tenant.slug, endpointId: publicId("whk", row.id) },
  });
  const deliveryId = publicId("dlv", id!);
  await recordAudit(auditOf(scope), {
    action: "webhook.test",
    targetType: "webhook",
    targetId: publicId("whk", row.id),
    targetName: row.url,
  });
  return { deliveryId, endpointId: publicId("whk", row.id) };
}
