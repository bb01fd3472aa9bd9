import { disablesEndpoint, isDelivered, publicId, webhookDisableAfterMs, webhookRetryDelay } from "@aspen/core";
import { disableEndpoint, loadDeliveryForSend, markEndpointFailure, recordAttemptOutcome, withSystem, type Database } from "@aspen/db";
import { webhookDeliverJob, webhookDisabledNotifyJob, type createProducer } from "@aspen/jobs";
import { UnrecoverableError, type Job } from "bullmq";
import type { Logger } from "pino";
import { Webhook } from "standardwebhooks";
import type { WorkerMetrics } from "../metrics";
import { postWebhook, type SafeAgents } from "./send";

export interface WebhookProcessorDeps {
  db: Database;
  producer: ReturnType<typeof createProducer>;
  agents: SafeAgents;
  timeoutMs: number;
  retryScale: number;
  metrics: WorkerMetrics;
  log: Logger;
}

/** Standard Webhooks headers for `body`: one `v1,` signature per secret (two during a rotation). */
export function signedHeaders(msgId: string, at: Date, body: string, secrets: string[]): Record<string, string> {
  const signature = secrets.map((s) => new Webhook(s).sign(msgId, at, body)).join(" ");
  return {
    "content-type": "application/json",
    "user-agent": "Aspen-Webhooks/1.0",
    "webhook-id": msgId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": signature,
  };
}

/** BullMQ's backoffStrategy for webhook jobs: core's schedule, scaled, with jitter. */
export function webhookBackoff(scale: number) {
  return (attemptsMade: number) => webhookRetryDelay(attemptsMade, scale);
}

/**
 * Sends one delivery attempt and logs it. 2xx: delivered. 410: the endpoint is disabled at once.
 * Anything else (network error, timeout, other status) retries on the schedule until the attempts run
 * out; an endpoint failing for 3 days is disabled and its owners are told.
 */
export function createWebhookProcessor(d: WebhookProcessorDeps) {
  return async (job: Job) => {
    if (job.name !== webhookDeliverJob.name) return;
    const { tenantId, deliveryId } = webhookDeliverJob.schema.parse(job.data);
    // The worker's connection bypasses RLS (system role): one query, no transaction.
    const found = await loadDeliveryForSend(d.db, tenantId, deliveryId);
    if (!found) return; // endpoint or delivery deleted meanwhile
    const { delivery, endpoint, secrets } = found;
    if (!endpoint.enabled && delivery.eventType !== "webhook.test") return;
    if (secrets.length === 0) throw new UnrecoverableError("endpoint has no signing secret");

    const at = new Date();
    const headers = signedHeaders(publicId("evt", delivery.eventId), at, delivery.body, secrets);
    const r = await postWebhook(endpoint.url, headers, delivery.body, { agents: d.agents, timeoutMs: d.timeoutMs });
    d.metrics.deliverySeconds.observe(r.durationMs / 1000);

    const ok = r.status !== null && isDelivered(r.status);
    const gone = r.status !== null && disablesEndpoint(r.status);
    const attemptsMax = job.opts.attempts ?? 1;
    const last = job.attemptsMade + 1 >= attemptsMax;
    const status = ok ? "delivered" : gone || last ? "failed" : "retrying";
    const next = status === "retrying" ? new Date(Date.now() + webhookRetryDelay(job.attemptsMade + 1, d.retryScale, () => 0.5)) : null;
    await recordAttemptOutcome(
      d.db,
      {
        tenantId,
        deliveryId,
        endpointId: endpoint.id,
        attempt: delivery.attempts + 1,
        at,
        url: endpoint.url,
        requestHeaders: headers,
        requestBody: delivery.body,
        responseStatus: r.status,
        responseBody: r.body,
        error: r.error,
        durationMs: r.durationMs,
      },
      { status, nextAttemptAt: next },
    );
    d.metrics.deliveries.inc({ outcome: ok ? "delivered" : gone ? "gone" : r.status === null ? "error" : "rejected" });
    if (ok) return;
    const reason = r.error ?? `answered ${r.status}`;
    if (gone) {
      await disable(tenantId, endpoint.id, "gone");
      throw new UnrecoverableError(`410 Gone: endpoint disabled`);
    }
    const since = await withSystem(d.db, (tx) => markEndpointFailure(tx, tenantId, endpoint.id));
    if (Date.now() - since.getTime() > webhookDisableAfterMs) {
      await disable(tenantId, endpoint.id, "failing");
      throw new UnrecoverableError(`failing for more than 3 days: endpoint disabled (${reason})`);
    }
    throw new Error(reason);
  };

  async function disable(tenantId: string, endpointId: string, why: "gone" | "failing") {
    if (await withSystem(d.db, (tx) => disableEndpoint(tx, tenantId, endpointId, why))) {
      d.log.warn({ tenantId, endpointId, why }, "webhook endpoint disabled");
      await d.producer.enqueue(webhookDisabledNotifyJob, { tenantId, endpointId, reason: why, at: Date.now() });
    }
  }
}
