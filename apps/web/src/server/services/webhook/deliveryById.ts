import { findDeliveryOfEndpoint } from "@aspen/db";
import { z } from "zod";
import { notFound } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { toWebhookDeliveryDto, webhookDeliverySchema } from "./dto";

export const webhookDeliveryByIdInput = z.object({ id: publicIdInput("whk"), deliveryId: publicIdInput("dlv") });
export const webhookDeliveryByIdOutput = webhookDeliverySchema;

/** One delivery of an endpoint with every attempt (request headers and body, response, duration). */
export async function webhookDeliveryById(scope: Scope, input: z.output<typeof webhookDeliveryByIdInput>) {
  assertAllowed(scope, "webhook.manage");
  const row = await inTenant(scope, (tx) => findDeliveryOfEndpoint(tx, scope.tenant.id, input.id, input.deliveryId));
  if (!row) throw notFound("Webhook delivery");
  return toWebhookDeliveryDto(row);
}
