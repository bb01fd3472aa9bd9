import { deleteWebhookEndpoint, findWebhookEndpoint } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { notFound } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { assertAllowed, auditOf, inTenant, type Scope } from "../scope";

export const deleteWebhookInput = z.object({ id: publicIdInput("whk") });
export const deleteWebhookOutput = z.object({ ok: z.literal(true) });

/** Deletes an endpoint with its secrets, deliveries and attempts; queued deliveries find it gone and stop. */
export async function deleteWebhook(scope: Scope, input: z.output<typeof deleteWebhookInput>) {
  assertAllowed(scope, "webhook.manage");
  const row = await inTenant(scope, async (tx) => {
    const found = await findWebhookEndpoint(tx, scope.tenant.id, input.id);
    if (!found || !(await deleteWebhookEndpoint(tx, scope.tenant.id, input.id))) throw notFound("Webhook");
    return found;
  });
  await recordAudit(auditOf(scope), { action: "webhook.delete", targetType: "webhook", targetName: row.url });
  return { ok: true as const };
}
