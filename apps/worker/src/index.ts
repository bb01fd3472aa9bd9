import { createDb } from "@aspen/db";
import { assertRedisDurable, createProducer, createRedis, ensurePartitionsJob, queues, startOpsServer } from "@aspen/jobs";
import { Worker } from "bullmq";
import pino from "pino";
import { Counter, collectDefaultMetrics, Registry } from "prom-client";
import { loadEnv } from "./env";
import { createExportProcessor } from "./processors/export";
import { createRetentionProcessor } from "./processors/retention";
import { createRollupProcessor } from "./processors/rollup";
import { upsertSchedules } from "./schedules";

const env = loadEnv();
const log = pino({ name: "worker", level: env.LOG_LEVEL });
const registry = new Registry();
collectDefaultMetrics({ register: registry });
const jobsDone = new Counter({
  name: "aspen_worker_jobs_total",
  help: "Jobs finished by queue and result",
  labelNames: ["queue", "result"],
  registers: [registry],
});

const redis = createRedis(env.REDIS_URL);
try {
  await assertRedisDurable(redis);
} catch (err) {
  log.fatal({ err }, (err as Error).message);
  process.exit(1);
}
const db = createDb(env.DATABASE_URL, { system: true, max: 5, applicationName: "aspen-worker" });
const producer = createProducer(redis, env.BULLMQ_PREFIX);

const workers = [
  new Worker(queues.retention, createRetentionProcessor(db, log), {
    connection: createRedis(env.REDIS_URL),
    prefix: env.BULLMQ_PREFIX,
    concurrency: 1,
  }),
  new Worker(queues.rollup, createRollupProcessor(db, log), { connection: createRedis(env.REDIS_URL), prefix: env.BULLMQ_PREFIX, concurrency: 1 }),
  new Worker(queues.exports, createExportProcessor(db, env.EXPORT_DIR, log), { connection: createRedis(env.REDIS_URL), prefix: env.BULLMQ_PREFIX, concurrency: 1 }),
];
for (const w of workers) {
  w.on("completed", () => jobsDone.inc({ queue: w.name, result: "completed" }));
  w.on("failed", (job, err) => {
    jobsDone.inc({ queue: w.name, result: "failed" });
    log.warn({ queue: w.name, jobId: job?.id, err: err.message }, "job failed");
  });
  w.on("error", (err) => log.error({ queue: w.name, err: err.message }, "worker error"));
}
await upsertSchedules(producer);
// Run once at start too, so a fresh database has next months' partitions before the first nightly run.
await producer.enqueue(ensurePartitionsJob, { monthsAhead: 3 });

const ops = await startOpsServer({
  port: env.WORKER_HTTP_PORT,
  registry,
  health: async () => ({
    redis: (await redis.ping().catch(() => "")) === "PONG",
    db: await db.execute("select 1").then(() => true, () => false),
    workers: workers.every((w) => w.isRunning()),
  }),
});
log.info({ port: env.WORKER_HTTP_PORT, queues: workers.map((w) => w.name) }, "worker started");

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "shutting down: finishing active jobs");
  ops.close();
  // Worker.close() waits for active jobs to finish and stops taking new ones.
  await Promise.allSettled(workers.map((w) => w.close()));
  await producer.close();
  await db.$close();
  redis.disconnect();
  log.info("worker stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
