import { apiRateOverrideSchema, parseEnv as parseWith } from "@aspen/core";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";

/**
 * The web app's environment. Parsed lazily on first use so that `next build`
 * (which imports route modules) does not need a database or secrets.
 * Nothing else in apps/web reads process.env.
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string({ error: "is required (postgres://user:pass@host:port/db)" })
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL"),
  /** The role without BYPASSRLS that owns nothing: every tenant query (README, "Database roles"). */
  TENANT_DATABASE_URL: z
    .string({ error: "is required: the database role for tenant work, without BYPASSRLS (README, Database roles)" })
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL"),
  REDIS_URL: z.string({ error: "is required (redis://host:port[/db])" }).regex(/^rediss?:\/\//, "must be a redis:// URL"),
  AUTH_SECRET: z
    .string({ error: "is required: generate one with `openssl rand -base64 32`" })
    .min(32, "must be at least 32 characters: generate one with `openssl rand -base64 32`"),
  APP_URL: z.url("must be an absolute URL such as http://localhost:3000").default("http://localhost:3000"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  SMTP_FROM: z.string().min(3).default("Aspen <no-reply@aspen.local>"),
  MQTT_PUBLIC_HOST: z.string().min(1).default("localhost"),
  MQTT_PUBLIC_PORT: z.coerce.number().int().min(1).max(65535).default(1883),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Prefix of Redis pub/sub channels shared with the broker (keeps parallel test stacks apart). */
  REDIS_PREFIX: z.string().default(""),
  /**
   * Operator override of the REST API's per-minute limit, which otherwise comes from the tenant's plan:
   * one number for every plan (benchmarks raise it), or per plan (`free:5,pro:20`; tests shrink them).
   */
  API_RATE_PER_MINUTE: apiRateOverrideSchema,
  /** Where export files are written (by the worker) and read (by the download route). */
  EXPORT_DIR: z.string().min(1).default(join(tmpdir(), "aspen-exports")),
  /** Exports up to this many rows stream straight from Postgres; larger ones run as a worker job. */
  EXPORT_STREAM_MAX_ROWS: z.coerce.number().int().min(1).default(1_000_000),
  /** Multiplies the sign-up / password / invitation budgets. Only for test stacks where every browser is 127.0.0.1. */
  ABUSE_LIMITS_SCALE: z.coerce.number().int().min(1).max(10_000).default(1),
  /** Reverse proxies in front of web that append to X-Forwarded-For (0: use the socket address). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** BullMQ key prefix: must match the worker's (webhook deliveries and large exports are enqueued from here). */
  BULLMQ_PREFIX: z.string().min(1).default("aspen"),
  /** Development and tests only: allow webhook URLs on loopback (127.0.0.0/8, ::1). Private, link-local and metadata stay refused. */
  WEBHOOK_ALLOW_LOOPBACK: z
    .enum(["true", "false", ""])
    .default("false")
    .transform((v) => v === "true"),
});

export type Env = z.infer<typeof schema>;

/** Parses an environment record; throws core's EnvError, whose message names each bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  return parseWith("web", schema, source);
}

let cached: Env | undefined;

/** The validated environment, parsed on first access. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Lazy proxy so call sites can write `env.APP_URL`. */
export const env: Env = new Proxy({} as Env, {
  get: (_t, key) => getEnv()[key as keyof Env],
});
