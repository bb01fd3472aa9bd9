import { findWebhookEndpoint, listDeliveries } from "@aspen/db";
import { z } from "zod";
import { notFound } from "../../errors";
import { mapPage, pageInput } from "../../pagination";
import { publicIdInput } from "../../public-ids";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { toWebhookDeliveryDto, webhookDeliverySchema } from "./dto";

export const webhookDeliveriesInput = z.object({
  id: publicIdInput("whk"),
  status: z.enum(["pending", "delivered", "retrying", "failed"]).optional(),
  ...pageInput,
});
export const webhookDeliveriesOutput = z.object({
  items: z.array(webhookDeliverySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** An endpoint's delivery log, newest first, each delivery with every attempt. */
export async function webhookDeliveries(scope: Scope, input: z.output<typeof webhookDeliveriesInput>) {
  assertAllowed(scope, "webhook.manage");
  const page = await inTenant(scope, async (tx) => {
    if (!(await findWebhookEndpoint(tx, scope.tenant.id, input.id))) throw notFound("Webhook");
    return listDeliveries(tx, scope.tenant.id, input.id, input);
  });
  return mapPage(page, toWebhookDeliveryDto);
}
