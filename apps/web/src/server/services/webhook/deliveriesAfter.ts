import { findWebhookEndpoint, listDeliveriesAfter } from "@aspen/db";
import type { z } from "zod";
import { notFound } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { cursorLimit, cursorPageOf, unknownCursor } from "../cursor";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { webhookDeliveriesInput } from "./deliveries";
import { toWebhookDeliveryDto, webhookDeliverySchema } from "./dto";

/** The filters of `webhookDeliveries`, paged by cursor (keyset) instead of page number. */
export const webhookDeliveriesAfterInput = webhookDeliveriesInput
  .omit({ page: true, pageSize: true })
  .extend({ limit: cursorLimit, startingAfter: publicIdInput("dlv").optional() });
export const webhookDeliveriesAfterOutput = cursorPageOf(webhookDeliverySchema);

/** An endpoint's delivery log newest first, each delivery with every attempt, `limit` after `startingAfter`. */
export async function webhookDeliveriesAfter(
  scope: Scope,
  input: z.output<typeof webhookDeliveriesAfterInput>,
): Promise<z.output<typeof webhookDeliveriesAfterOutput>> {
  assertAllowed(scope, "webhook.manage");
  const page = await inTenant(scope, async (tx) => {
    if (!(await findWebhookEndpoint(tx, scope.tenant.id, input.id))) throw notFound("Webhook");
    return listDeliveriesAfter(tx, scope.tenant.id, input.id, { status: input.status, after: input.startingAfter, limit: input.limit });
  });
  if (!page.cursorFound) throw unknownCursor("webhook delivery");
  const items = page.items.map(toWebhookDeliveryDto);
  return { items, hasMore: page.hasMore, nextCursor: page.hasMore ? (items.at(-1)?.id ?? null) : null };
}
