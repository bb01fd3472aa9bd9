import { listWebhookEndpoints as readEndpoints } from "@aspen/db";
import { z } from "zod";
import { mapPage, pageInput } from "../../pagination";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { toWebhookEndpointDto, webhookEndpointSchema } from "./dto";

export const listWebhooksInput = z.object({ ...pageInput });
export const listWebhooksOutput = z.object({
  items: z.array(webhookEndpointSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** The tenant's webhook endpoints, newest first. */
export async function listWebhooks(scope: Scope, input: z.output<typeof listWebhooksInput>) {
  assertAllowed(scope, "webhook.manage");
  const page = await inTenant(scope, (tx) => readEndpoints(tx, scope.tenant.id, input));
  return mapPage(page, toWebhookEndpointDto);
}
