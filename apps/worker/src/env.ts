import { EnvError, parseEnv } from "@aspen/core";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// URL" }),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: "must be a redis:// URL" }),
  WORKER_HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(9092),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  BULLMQ_PREFIX: z.string().min(1).default("aspen"),
  /** Where large exports are written (the web app serves them from the same directory). */
  EXPORT_DIR: z.string().min(1).default(join(tmpdir(), "aspen-exports")),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace"]).default("info"),
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
