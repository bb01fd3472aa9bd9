import { and, count, desc, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import type { Tx } from "../client";
import {
  webhookAttempts,
  webhookDeliveries,
  webhookEndpoints,
  webhookSecrets,
  type WebhookAttemptRow,
  type WebhookDeliveryRow,
  type WebhookEndpointRow,
} from "../schema";
import { offsetOf, type Page, type PageRequest } from "./pagination";
import { withAttempts } from "./webhook-deliveries";

// ---- endpoints (tenant scope) ----

export async function listWebhookEndpoints(tx: Tx, tenantId: string, p: PageRequest): Promise<Page<WebhookEndpointRow>> {
  const where = eq(webhookEndpoints.tenantId, tenantId);
  const [items, [total]] = await Promise.all([
    tx
      .select()
      .from(webhookEndpoints)
      .where(where)
      .orderBy(desc(webhookEndpoints.createdAt), webhookEndpoints.id)
      .limit(p.pageSize)
      .offset(offsetOf(p)),
    tx.select({ n: count() }).from(webhookEndpoints).where(where),
  ]);
  return { items, total: total?.n ?? 0, page: p.page, pageSize: p.pageSize };
}

export async function findWebhookEndpoint(tx: Tx, tenantId: string, id: string): Promise<WebhookEndpointRow | undefined> {
  const [row] = await tx
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.id, id)))
    .limit(1);
  return row;
}

/** Which of `ids` are endpoints of the tenant. */
export async function existingWebhookEndpointIds(tx: Tx, tenantId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.tenantId, tenantId), inArray(webhookEndpoints.id, ids)));
  return rows.map((r) => r.id);
}

export async function insertWebhookEndpoint(
  tx: Tx,
  r: { tenantId: string; url: string; description: string; eventTypes: string[]; secretHint: string; createdBy: string | null },
): Promise<WebhookEndpointRow> {
  const [row] = await tx.insert(webhookEndpoints).values(r).returning();
  return row!;
}

export async function updateWebhookEndpoint(
  tx: Tx,
  tenantId: string,
  id: string,
  patch: Partial<Pick<WebhookEndpointRow, "url" | "description" | "eventTypes" | "enabled" | "disabledReason" | "secretHint">>,
): Promise<WebhookEndpointRow | undefined> {
  const extra = patch.enabled === true ? { disabledReason: null, failingSince: null } : {};
  const [row] = await tx
    .update(webhookEndpoints)
    .set({ ...patch, ...extra })
    .where(and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.id, id)))
    .returning();
  return row;
}

export async function deleteWebhookEndpoint(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const rows = await tx
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.id, id)))
    .returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}

/** Enabled endpoints of a tenant, to match against an event type. */
export async function enabledWebhookEndpoints(tx: Tx, tenantId: string): Promise<Pick<WebhookEndpointRow, "id" | "eventTypes">[]> {
  return tx
    .select({ id: webhookEndpoints.id, eventTypes: webhookEndpoints.eventTypes })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.enabled, true)));
}

// ---- secrets (system connections only: the table's policy refuses tenant transactions) ----

/** Adds a signing secret; with `overlapUntil`, older secrets keep signing until then (rotation), else they go. */
export async function addWebhookSecret(
  tx: Tx,
  r: { tenantId: string; endpointId: string; secret: string; overlapUntil?: Date },
): Promise<void> {
  const mine = and(eq(webhookSecrets.tenantId, r.tenantId), eq(webhookSecrets.endpointId, r.endpointId));
  if (r.overlapUntil) {
    await tx
      .update(webhookSecrets)
      .set({ expiresAt: r.overlapUntil })
      .where(and(mine, or(isNull(webhookSecrets.expiresAt), gt(webhookSecrets.expiresAt, r.overlapUntil))));
  } else {
    await tx.delete(webhookSecrets).where(mine);
  }
  await tx.insert(webhookSecrets).values({ tenantId: r.tenantId, endpointId: r.endpointId, secret: r.secret });
}

/** Secrets that sign now, newest first (expired ones are ignored; rotation replaces them). */
export async function signingSecrets(tx: Tx, endpointId: string, now = new Date()): Promise<string[]> {
  const rows = await tx
    .select({ secret: webhookSecrets.secret })
    .from(webhookSecrets)
    .where(and(eq(webhookSecrets.endpointId, endpointId), or(isNull(webhookSecrets.expiresAt), gt(webhookSecrets.expiresAt, now))))
    .orderBy(desc(webhookSecrets.createdAt));
  return rows.map((r) => r.secret);
}

// ---- deliveries ----

/** Creates one delivery per endpoint (skipping those that exist for the event) and returns all of them. */
export async function upsertDeliveries(
  tx: Tx,
  r: { tenantId: string; endpointIds: string[]; eventId: string; eventType: string; body: string },
): Promise<Pick<WebhookDeliveryRow, "id" | "endpointId" | "status">[]> {
  if (r.endpointIds.length === 0) return [];
  await tx
    .insert(webhookDeliveries)
    .values(
      r.endpointIds.map((endpointId) => ({ tenantId: r.tenantId, endpointId, eventId: r.eventId, eventType: r.eventType, body: r.body })),
    )
    .onConflictDoNothing({ target: [webhookDeliveries.tenantId, webhookDeliveries.endpointId, webhookDeliveries.eventId] });
  return tx
    .select({ id: webhookDeliveries.id, endpointId: webhookDeliveries.endpointId, status: webhookDeliveries.status })
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.tenantId, r.tenantId),
        eq(webhookDeliveries.eventId, r.eventId),
        inArray(webhookDeliveries.endpointId, r.endpointIds),
      ),
    );
}

export async function findDelivery(tx: Tx, tenantId: string, id: string): Promise<WebhookDeliveryRow | undefined> {
  const [row] = await tx
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.tenantId, tenantId), eq(webhookDeliveries.id, id)))
    .limit(1);
  return row;
}

/** A delivery with its endpoint, for sending. */
export async function deliveryToSend(
  tx: Tx,
  tenantId: string,
  id: string,
): Promise<{ delivery: WebhookDeliveryRow; endpoint: WebhookEndpointRow } | undefined> {
  const [row] = await tx
    .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(and(eq(webhookDeliveries.tenantId, tenantId), eq(webhookDeliveries.id, id)))
    .limit(1);
  return row;
}

export type NewAttempt = Omit<WebhookAttemptRow, "id" | "at"> & { at?: Date };

/** Logs an attempt and updates the delivery's status in one go. */
export async function recordAttempt(
  tx: Tx,
  a: NewAttempt,
  outcome: { status: WebhookDeliveryRow["status"]; nextAttemptAt: Date | null },
): Promise<void> {
  await tx.insert(webhookAttempts).values(a);
  await tx
    .update(webhookDeliveries)
    .set({
      status: outcome.status,
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      lastStatus: a.responseStatus,
      nextAttemptAt: outcome.nextAttemptAt,
      ...(outcome.status === "delivered" ? { deliveredAt: a.at ?? new Date() } : {}),
    })
    .where(and(eq(webhookDeliveries.tenantId, a.tenantId), eq(webhookDeliveries.id, a.deliveryId)));
}

/** Marks a delivery for replay; returns the replay number (for a fresh job id). */
export async function markDeliveryReplay(tx: Tx, tenantId: string, id: string): Promise<number | undefined> {
  const [row] = await tx
    .update(webhookDeliveries)
    .set({ replays: sql`${webhookDeliveries.replays} + 1`, status: "pending", nextAttemptAt: null })
    .where(and(eq(webhookDeliveries.tenantId, tenantId), eq(webhookDeliveries.id, id)))
    .returning({ replays: webhookDeliveries.replays });
  return row?.replays;
}

/** Clears the failure streak and notes the success (written at most once a minute when nothing failed). */
export async function markEndpointSuccess(tx: Tx, tenantId: string, id: string, at = new Date()): Promise<void> {
  await tx
    .update(webhookEndpoints)
    .set({ failingSince: null, lastSuccessAt: at })
    .where(
      and(
        eq(webhookEndpoints.tenantId, tenantId),
        eq(webhookEndpoints.id, id),
        sql`(${webhookEndpoints.failingSince} is not null or ${webhookEndpoints.lastSuccessAt} is null or ${webhookEndpoints.lastSuccessAt} < ${new Date(at.getTime() - 60_000).toISOString()}::timestamptz)`,
      ),
    );
}

/** Records a failure; returns since when the endpoint has been failing. */
export async function markEndpointFailure(tx: Tx, tenantId: string, id: string, at = new Date()): Promise<Date> {
  const [row] = await tx
    .update(webhookEndpoints)
    .set({ failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.id, id)))
    .returning({ failingSince: webhookEndpoints.failingSince });
  return row?.failingSince ?? at;
}

/** Disables an endpoint; false when it was disabled already. */
export async function disableEndpoint(tx: Tx, tenantId: string, id: string, reason: "gone" | "failing" | "manual"): Promise<boolean> {
  const rows = await tx
    .update(webhookEndpoints)
    .set({ enabled: false, disabledReason: reason })
    .where(and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.id, id), eq(webhookEndpoints.enabled, true)))
    .returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}

export type DeliveryWithAttempts = WebhookDeliveryRow & { attemptLog: WebhookAttemptRow[] };

/** An endpoint's deliveries, newest first, each with its attempts (oldest first). */
export async function listDeliveries(
  tx: Tx,
  tenantId: string,
  endpointId: string,
  p: PageRequest & { status?: WebhookDeliveryRow["status"] | undefined },
): Promise<Page<DeliveryWithAttempts>> {
  const where = and(
    eq(webhookDeliveries.tenantId, tenantId),
    eq(webhookDeliveries.endpointId, endpointId),
    p.status ? eq(webhookDeliveries.status, p.status) : undefined,
  );
  const [items, [total]] = await Promise.all([
    tx
      .select()
      .from(webhookDeliveries)
      .where(where)
      .orderBy(desc(webhookDeliveries.createdAt), webhookDeliveries.id)
      .limit(p.pageSize)
      .offset(offsetOf(p)),
    tx.select({ n: count() }).from(webhookDeliveries).where(where),
  ]);
  return { items: await withAttempts(tx, tenantId, items), total: total?.n ?? 0, page: p.page, pageSize: p.pageSize };
}
export type { WebhookEndpointRow, WebhookDeliveryRow, WebhookAttemptRow } from "../schema";

// ---- the delivery worker's hot path: one statement each way ----

/** A delivery, its endpoint and the secrets that sign now, in one query (system connection). */
export async function loadDeliveryForSend(tx: Tx, tenantId: string, id: string, now = new Date()) {
  const [row] = await tx
    .select({
      delivery: webhookDeliveries,
      endpoint: webhookEndpoints,
      secrets: sql<
        string[]
      >`coalesce((select array_agg(s.secret order by s.created_at desc) from ${webhookSecrets} s where s.endpoint_id = ${webhookEndpoints.id} and (s.expires_at is null or s.expires_at > ${now.toISOString()}::timestamptz)), '{}')`,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(and(eq(webhookDeliveries.tenantId, tenantId), eq(webhookDeliveries.id, id)))
    .limit(1);
  return row;
}

/**
 * Logs an attempt, moves the delivery's status and, on success, clears the endpoint's failure streak
 * (its last success written at most once a minute) — one statement, so atomic without a transaction.
 */
export async function recordAttemptOutcome(
  tx: Tx,
  a: NewAttempt & { at: Date; endpointId: string },
  outcome: { status: WebhookDeliveryRow["status"]; nextAttemptAt: Date | null },
): Promise<void> {
  const at = a.at.toISOString();
  const ok = outcome.status === "delivered";
  await tx.execute(sql`
    with attempt as (
      insert into ${webhookAttempts} (tenant_id, delivery_id, attempt, at, url, request_headers, request_body, response_status, response_body, error, duration_ms)
      values (${a.tenantId}, ${a.deliveryId}, ${a.attempt}, ${at}::timestamptz, ${a.url}, ${JSON.stringify(a.requestHeaders)}::jsonb, ${a.requestBody}, ${a.responseStatus}, ${a.responseBody}, ${a.error}, ${a.durationMs})
      returning 1
    ), delivery as (
      update ${webhookDeliveries} set status = ${outcome.status}, attempts = attempts + 1, last_status = ${a.responseStatus},
        next_attempt_at = ${outcome.nextAttemptAt?.toISOString() ?? null}::timestamptz,
        delivered_at = case when ${ok} then ${at}::timestamptz else delivered_at end
      where tenant_id = ${a.tenantId} and id = ${a.deliveryId}
      returning 1
    ), endpoint as (
      update ${webhookEndpoints} set failing_since = null, last_success_at = ${at}::timestamptz
      where ${ok} and tenant_id = ${a.tenantId} and id = ${a.endpointId}
        and (failing_since is not null or last_success_at is null or last_success_at < ${at}::timestamptz - interval '1 minute')
      returning 1
    )
    select (select count(*) from attempt) + (select count(*) from delivery) + (select count(*) from endpoint) as n`);
}

/** A keyset page of webhook endpoints, newest first (ties by id, descending), `limit` after `after`. */
export async function listWebhookEndpointsAfter(
  tx: Tx,
  tenantId: string,
  p: { after?: string | undefined; limit: number },
): Promise<{ items: WebhookEndpointRow[]; hasMore: boolean; cursorFound: boolean }> {
  let after;
  if (p.after) {
    const [cursor] = await tx
      .select({ id: webhookEndpoints.id })
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.tenantId, tenantId), eq(webhookEndpoints.id, p.after)))
      .limit(1);
    if (!cursor) return { items: [], hasMore: false, cursorFound: false };
    after = sql`(${webhookEndpoints.createdAt}, ${webhookEndpoints.id}) < (select c.created_at, c.id from webhook_endpoints c where c.tenant_id = ${tenantId} and c.id = ${p.after})`;
  }
  const rows = await tx
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.tenantId, tenantId), after))
    .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id))
    .limit(p.limit + 1);
  return { items: rows.slice(0, p.limit), hasMore: rows.length > p.limit, cursorFound: true };
}
