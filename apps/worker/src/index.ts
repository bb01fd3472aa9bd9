import { alertRulesChangedChannel, ingestStreamKey } from "@aspen/core";
import { createDb } from "@aspen/db";
import {
  assertRedisDurable,
  createProducer,
  createRedis,
  ensurePartitionsJob,
  offlineScanJob,
  queues,
  startOpsServer,
  webhookBackoffType,
} from "@aspen/jobs";
import { Worker, type Job } from "bullmq";
import pino from "pino";
import { collectDefaultMetrics, Registry } from "prom-client";
import { createIdlePairs } from "./alerts/idle-pairs";
import { createIngestHandler } from "./alerts/ingest-handler";
import { createOfflineScan } from "./alerts/offline-scan";
import { createRuleCache } from "./alerts/rule-cache";
import { createStateStore } from "./alerts/state-store";
import { createStreamConsumer } from "./alerts/stream-consumer";
import { loadEnv } from "./env";
import { createMetrics } from "./metrics";
import { createMailer } from "./notifications/mailer";
import { createNotificationProcessor } from "./notifications/processor";
import { createExportProcessor } from "./processors/export";
import { createRetentionProcessor } from "./processors/retention";
import { createRollupProcessor } from "./processors/rollup";
import { upsertSchedules } from "./schedules";
import { createWebhookEmitter } from "./webhooks/emit";
import { createWebhookProcessor, webhookBackoff } from "./webhooks/processor";
import { createSafeAgents } from "./webhooks/send";

const env = loadEnv();
const log = pino({ name: "worker", level: env.LOG_LEVEL });
const registry = new Registry();
collectDefaultMetrics({ register: registry });
const metrics = createMetrics(registry);

const redis = createRedis(env.REDIS_URL);
try {
  await assertRedisDurable(redis);
} catch (err) {
  log.fatal({ err }, (err as Error).message);
  process.exit(1);
}
// Deliveries hold a connection only around their two short transactions, never during the HTTP call.
const db = createDb(env.DATABASE_URL, { system: true, max: 16, applicationName: "aspen-worker" });
const producer = createProducer(redis, env.BULLMQ_PREFIX);
const mailer = createMailer(env.SMTP_URL, env.SMTP_FROM);
const webhooks = createWebhookEmitter(db, producer);
const cache = createRuleCache(db);
const agents = createSafeAgents({ allowLoopback: env.WEBHOOK_ALLOW_LOOPBACK, maxSockets: 16 });
const offlineScan = createOfflineScan({ db, producer, webhooks, metrics });

const bull = (extra: object = {}) => ({
  connection: createRedis(env.REDIS_URL),
  prefix: env.BULLMQ_PREFIX,
  lockDuration: env.JOB_LOCK_MS,
  stalledInterval: env.JOB_LOCK_MS,
  ...extra,
});
const workers = [
  new Worker(queues.retention, createRetentionProcessor(db, log), bull({ concurrency: 1 })),
  new Worker(queues.alerts, async (job: Job) => (job.name === offlineScanJob.name ? offlineScan() : undefined), bull({ concurrency: 1 })),
  new Worker(
    queues.notifications,
    createNotificationProcessor({ db, mailer, appUrl: env.APP_URL, metrics, log }),
    bull({ concurrency: 4 }),
  ),
  new Worker(
    queues.webhooks,
    createWebhookProcessor({ db, producer, agents, timeoutMs: env.WEBHOOK_TIMEOUT_MS, retryScale: env.WEBHOOK_RETRY_SCALE, metrics, log }),
    bull({
      concurrency: env.WEBHOOK_CONCURRENCY,
      settings: {
        backoffStrategy: (attemptsMade: number, type?: string) =>
          type === webhookBackoffType ? webhookBackoff(env.WEBHOOK_RETRY_SCALE)(attemptsMade) : 1000 * 2 ** attemptsMade,
      },
    }),
  ),
  new Worker(queues.rollup, createRollupProcessor(db, log), bull({ concurrency: 1 })),
  new Worker(queues.exports, createExportProcessor(db, env.EXPORT_DIR, log), bull({ concurrency: 1 })),
];
for (const w of workers) {
  w.on("completed", () => metrics.jobsDone.inc({ queue: w.name, result: "completed" }));
  w.on("failed", (job, err) => {
    metrics.jobsDone.inc({ queue: w.name, result: "failed" });
    log.warn({ queue: w.name, jobId: job?.id, err: err.message }, "job failed");
  });
  w.on("error", (err) => log.error({ queue: w.name, err: err.message }, "worker error"));
}

// Alert evaluation reads what the broker and the device HTTP API committed.
const subscriber = createRedis(env.REDIS_URL);
await cache.subscribe(subscriber, alertRulesChangedChannel(env.REDIS_PREFIX));
const consumer = createStreamConsumer({
  redis: createRedis(env.REDIS_URL),
  stream: ingestStreamKey(env.REDIS_PREFIX),
  group: "alerts",
  consumer: env.ALERTS_CONSUMER,
  count: env.ALERTS_READ_COUNT,
  lingerMs: env.ALERTS_READ_LINGER_MS,
  claimIdleMs: env.ALERTS_CLAIM_IDLE_MS,
  log,
  handle: createIngestHandler({
    db,
    cache,
    store: createStateStore(redis, env.REDIS_PREFIX),
    idle: createIdlePairs(),
    producer,
    webhooks,
    metrics,
    log,
  }),
});
await consumer.start();

await upsertSchedules(producer, { offlineScanMs: env.ALERTS_OFFLINE_SCAN_MS, rollupEveryMs: env.ROLLUP_EVERY_MS });
// Run once at start too, so a fresh database has next months' partitions before the first nightly run.
await producer.enqueue(ensurePartitionsJob, { monthsAhead: 3 });

const ops = await startOpsServer({
  port: env.WORKER_HTTP_PORT,
  registry,
  health: async () => ({
    redis: (await redis.ping().catch(() => "")) === "PONG",
    db: await db.execute("select 1").then(
      () => true,
      () => false,
    ),
    workers: workers.every((w) => w.isRunning()),
    ingest: consumer.isRunning(),
  }),
});
log.info(
  { port: env.WORKER_HTTP_PORT, queues: workers.map((w) => w.name), consumer: env.ALERTS_CONSUMER, smtp: Boolean(mailer) },
  "worker started",
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "shutting down: finishing active jobs");
  ops.close();
  // The stream consumer finishes the entry in hand (its effects commit, then XACK); Worker.close()
  // waits for active jobs and stops taking new ones.
  await consumer.stop();
  await Promise.allSettled(workers.map((w) => w.close()));
  await producer.close();
  subscriber.disconnect();
  mailer?.close();
  agents.http.destroy();
  agents.https.destroy();
  await db.$close();
  redis.disconnect();
  log.info("worker stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
