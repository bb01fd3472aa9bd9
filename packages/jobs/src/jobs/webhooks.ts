import { webhookMaxAttempts } from "@aspen/core";
import { z } from "zod";
import { defineJob } from "../define-job";
import { queues } from "../queues";

/** The backoff type the webhook worker's `backoffStrategy` implements (core's retry schedule, with jitter). */
export const webhookBackoffType = "webhook-schedule";

/**
 * Sends one delivery (its body, endpoint and secrets are read from the database: no secret in job
 * data). `replay` starts a fresh round of attempts for the same delivery and webhook-id.
 */
export const webhookDeliverJob = defineJob({
  name: "webhooks.deliver",
  queue: queues.webhooks,
  schema: z.object({ tenantId: z.uuid(), deliveryId: z.uuid(), replay: z.int().min(0).default(0) }),
  jobId: (d) => `dlv-${d.deliveryId}-${d.replay}`,
  options: { attempts: webhookMaxAttempts, backoff: { type: webhookBackoffType } },
});
