import { listWebhookEndpointsAfter as queryEndpointsAfter } from "@aspen/db";
import { z } from "zod";
import { publicIdInput } from "../../public-ids";
import { cursorLimit, cursorPageOf, unknownCursor } from "../cursor";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { toWebhookEndpointDto, webhookEndpointSchema } from "./dto";

/** Webhook endpoints paged by cursor (keyset). */
export const listWebhooksAfterInput = z.object({ limit: cursorLimit, startingAfter: publicIdInput("whk").optional() });
export const listWebhooksAfterOutput = cursorPageOf(webhookEndpointSchema);

/** The tenant's webhook endpoints newest first, `limit` after the endpoint `startingAfter`. */
export async function listWebhooksAfter(
  scope: Scope,
  input: z.output<typeof listWebhooksAfterInput>,
): Promise<z.output<typeof listWebhooksAfterOutput>> {
  assertAllowed(scope, "webhook.manage");
  const page = await inTenant(scope, (tx) => queryEndpointsAfter(tx, scope.tenant.id, { after: input.startingAfter, limit: input.limit }));
  if (!page.cursorFound) throw unknownCursor("webhook endpoint");
  const items = page.items.map(toWebhookEndpointDto);
  return { items, hasMore: page.hasMore, nextCursor: page.hasMore ? (items.at(-1)?.id ?? null) : null };
}
