import { EnvError, parseEnv } from "@aspen/core";
import { hostname } from "node:os";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";

const flag = z
  .enum(["true", "false", ""])
  .default("false")
  .transform((v) => v === "true");

const schema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// URL" }),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: "must be a redis:// URL" }),
  WORKER_HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(9092),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  BULLMQ_PREFIX: z.string().min(1).default("aspen"),
  /** Prefix of shared Redis keys and channels (the ingest stream, rule changes, alert state). */
  REDIS_PREFIX: z.string().default(""),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Console URL, for links in emails. */
  APP_URL: z.url().default("http://localhost:3000"),
  /** Alarm and digest emails; unset → notifications stay in the console only. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  SMTP_FROM: z.string().min(3).default("Aspen <no-reply@aspen.local>"),
  /** Development and tests only: let webhooks reach loopback (127.0.0.0/8, ::1). */
  WEBHOOK_ALLOW_LOOPBACK: flag,
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** Parallel deliveries per worker process: a slow receiver holds one slot, never the queue. */
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(64),
  /** Multiplies the retry schedule (about 27 h); tests use e.g. 0.0002. */
  WEBHOOK_RETRY_SCALE: z.coerce.number().positive().max(10).default(1),
  /**
   * BullMQ job lock and stall check: a job whose worker died (crash, SIGKILL) runs again after at most about
   * twice this. Lower only where the event loop is never blocked that long (tests use 2000).
   */
  JOB_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
  /** This process' consumer name in the ingest stream's consumer group. */
  ALERTS_CONSUMER: z.string().min(1).default(`${hostname()}-${process.pid}`),
  /** Stream entries read per round. */
  ALERTS_READ_COUNT: z.coerce.number().int().min(1).max(1000).default(50),
  /** After a read that was not full, wait until this long after it before the next (ms): fewer, larger reads (0: off). */
  ALERTS_READ_LINGER_MS: z.coerce.number().int().min(0).max(1000).default(0),
  /** Entries pending longer than this with another consumer (a dead worker) are claimed. */
  ALERTS_CLAIM_IDLE_MS: z.coerce.number().int().min(100).default(30_000),
  /** Offline scan interval. */
  ALERTS_OFFLINE_SCAN_MS: z.coerce.number().int().min(1000).default(30_000),
  /** Telemetry rollup interval (ms); 0 schedules none (benchmarks that time ingest alone; never in production). */
  ROLLUP_EVERY_MS: z.coerce
    .number()
    .int()
    .refine((v) => v === 0 || v >= 1000, "must be 0 or at least 1000")
    .default(15_000),
  /** Where large exports are written (the web app serves them from the same directory). */
  EXPORT_DIR: z.string().min(1).default(join(tmpdir(), "aspen-exports")),
});

export type WorkerEnv = z.infer<typeof schema>;

/** Parses the worker's environment; exits with one line per missing or bad variable. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): WorkerEnv {
  try {
    return parseEnv("worker", schema, source);
  } catch (err) {
    if (!(err instanceof EnvError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}
