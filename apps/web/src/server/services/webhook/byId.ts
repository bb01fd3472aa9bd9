import { findWebhookEndpoint } from "@aspen/db";
import { z } from "zod";
import { notFound } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { toWebhookEndpointDto, webhookEndpointSchema } from "./dto";

export const webhookByIdInput = z.object({ id: publicIdInput("whk") });
export const webhookByIdOutput = webhookEndpointSchema;

/** One endpoint (never its secret). */
export async function webhookById(scope: Scope, input: z.output<typeof webhookByIdInput>) {
  assertAllowed(scope, "webhook.manage");
  const row = await inTenant(scope, (tx) => findWebhookEndpoint(tx, scope.tenant.id, input.id));
  if (!row) throw notFound("Webhook");
  return toWebhookEndpointDto(row);
}
