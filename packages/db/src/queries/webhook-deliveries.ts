import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Tx } from "../client";
import { webhookAttempts, webhookDeliveries, type WebhookAttemptRow, type WebhookDeliveryRow } from "../schema";
import type { DeliveryWithAttempts } from "./webhooks";

/** Each delivery with its attempts, oldest first (one query for all of them). */
export async function withAttempts(tx: Tx, tenantId: string, items: WebhookDeliveryRow[]): Promise<DeliveryWithAttempts[]> {
  const attempts = items.length
    ? await tx
        .select()
        .from(webhookAttempts)
        .where(
          and(
            eq(webhookAttempts.tenantId, tenantId),
            inArray(
              webhookAttempts.deliveryId,
              items.map((d) => d.id),
            ),
          ),
        )
        .orderBy(asc(webhookAttempts.at), asc(webhookAttempts.attempt))
    : [];
  const by = new Map<string, WebhookAttemptRow[]>();
  for (const a of attempts) by.set(a.deliveryId, [...(by.get(a.deliveryId) ?? []), a]);
  return items.map((d) => ({ ...d, attemptLog: by.get(d.id) ?? [] }));
}

/**
 * A keyset page of an endpoint's deliveries, newest first (ties by id, descending), each with its
 * attempts, `limit` after the delivery `after` (which must be one of the endpoint's).
 */
export async function listDeliveriesAfter(
  tx: Tx,
  tenantId: string,
  endpointId: string,
  p: { status?: WebhookDeliveryRow["status"] | undefined; after?: string | undefined; limit: number },
): Promise<{ items: DeliveryWithAttempts[]; hasMore: boolean; cursorFound: boolean }> {
  let after: SQL | undefined;
  if (p.after) {
    const [cursor] = await tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.tenantId, tenantId), eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.id, p.after)))
      .limit(1);
    if (!cursor) return { items: [], hasMore: false, cursorFound: false };
    after = sql`(${webhookDeliveries.createdAt}, ${webhookDeliveries.id}) < (select c.created_at, c.id from webhook_deliveries c where c.tenant_id = ${tenantId} and c.id = ${p.after})`;
  }
  const rows = await tx
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.tenantId, tenantId),
        eq(webhookDeliveries.endpointId, endpointId),
        p.status ? eq(webhookDeliveries.status, p.status) : undefined,
        after,
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(p.limit + 1);
  return { items: await withAttempts(tx, tenantId, rows.slice(0, p.limit)), hasMore: rows.length > p.limit, cursorFound: true };
}

/** One delivery of an endpoint with its attempts; undefined when the endpoint has no such delivery. */
export async function findDeliveryOfEndpoint(
  tx: Tx,
  tenantId: string,
  endpointId: string,
  id: string,
): Promise<DeliveryWithAttempts | undefined> {
  const [row] = await tx
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.tenantId, tenantId), eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.id, id)))
    .limit(1);
  return row && (await withAttempts(tx, tenantId, [row]))[0];
}
