import { parseEnv } from "@aspen/core";
import { hostname } from "node:os";
import { z } from "zod";

const port = z.coerce.number().int().min(1).max(65535);
const ms = z.coerce.number().int().min(1);
const optionalPath = z
  .string()
  .optional()
  .transform((v) => (v ? v : undefined));

/** The broker's environment. Nothing else in apps/broker reads process.env. */
export const brokerEnvSchema = z.object({
  DATABASE_URL: z.url({ error: "must be a postgres:// URL" }),
  REDIS_URL: z.url({ error: "must be a redis:// URL" }),
  /** Prefix of every Redis key and pub/sub channel, so test runs and stacks sharing one Redis stay apart. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_.-]*$/, { error: "use letters, digits and : _ . - only" })
    .default(""),
  /** Stable per instance: connection rows are closed by it after a crash and restart. */
  BROKER_ID: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, { error: "use 1 to 64 letters, digits, _ . -" })
    .optional(),
  /** Listen address; set 0.0.0.0 to accept devices from the network. */
  HOST: z.string().default("127.0.0.1"),
  MQTT_PORT: port.default(1883),
  /** 0 disables the WebSocket listener. */
  MQTT_WS_PORT: z.coerce.number().int().min(0).max(65535).default(8083),
  MQTT_TLS_PORT: port.default(8883),
  MQTT_TLS_CERT: optionalPath,
  MQTT_TLS_KEY: optionalPath,
  HTTP_PORT: port.default(9091),
  /** Largest MQTT packet accepted; bigger ones close the connection before they are buffered. */
  MAX_PACKET_BYTES: z.coerce.number().int().min(1024).max(268_435_455).default(262_144),
  /** Largest publish payload ingested; bigger ones are rejected (counted, logged) but the device stays connected. */
  MAX_PAYLOAD_BYTES: z.coerce.number().int().min(64).default(65_536),
  CONNECT_TIMEOUT_MS: ms.default(10_000),
  BATCH_MAX_ROWS: z.coerce.number().int().min(1).default(2000),
  BATCH_MAX_MS: ms.default(10),
  /** Batches written at the same time (each on its own connection). */
  BATCH_CONCURRENCY: z.coerce.number().int().min(1).max(8).default(4),
  /** Of those, how many write whatever is queued at once instead of waiting for BATCH_MAX_MS / BATCH_MAX_ROWS (latency). */
  BATCH_EAGER_WRITERS: z.coerce.number().int().min(0).max(8).default(1),
  /** Rows waiting for the database beyond which publishers are paused (back-pressure). */
  BATCH_HIGH_WATER_ROWS: z.coerce.number().int().min(100).default(20_000),
  /** Rows one device may have waiting before its own QoS 0 publishers are paused. */
  BATCH_DEVICE_HIGH_WATER_ROWS: z.coerce.number().int().min(10).default(500),
  /** Per-connection publish rate (messages per second) and burst; over it the socket is read more slowly. */
  CLIENT_MSGS_PER_SEC: z.coerce.number().min(1).default(100),
  CLIENT_BURST: z.coerce.number().int().min(1).default(200),
  /** device_errors rows per device per minute; further errors are only counted. */
  ERROR_ROWS_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  /** How often the state of every connected device is read again (a revocation whose message was lost costs at most this). */
  DEVICE_RECHECK_MS: ms.default(30_000),
  DB_POOL_MAX: z.coerce.number().int().min(2).default(10),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

/** Defaults to `<hostname>-<MQTT_PORT>`. */
export type BrokerEnv = Omit<z.infer<typeof brokerEnvSchema>, "BROKER_ID"> & { BROKER_ID: string };

export function loadEnv(source: Record<string, string | undefined> = process.env): BrokerEnv {
  const env = parseEnv("broker", brokerEnvSchema, source);
  if ((env.MQTT_TLS_CERT === undefined) !== (env.MQTT_TLS_KEY === undefined)) {
    throw new Error("broker: set both MQTT_TLS_CERT and MQTT_TLS_KEY (file paths) to enable TLS, or neither");
  }
  return { ...env, BROKER_ID: env.BROKER_ID ?? `${hostname()}-${env.MQTT_PORT}` };
}
