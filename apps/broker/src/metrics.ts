import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** The broker's Prometheus metrics, on their own registry (served at /metrics). */
export function createMetrics() {
  const registry = new Registry();
  /** Read when /metrics is scraped. */
  const sources = { pendingRows: () => 0 };
  collectDefaultMetrics({ register: registry });
  const m = {
    registry,
    connections: new Gauge({ name: "aspen_broker_connections", help: "Authenticated MQTT connections", registers: [registry] }),
    connects: new Counter({ name: "aspen_broker_connects_total", help: "CONNECT results", labelNames: ["result"], registers: [registry] }),
    messages: new Counter({
      name: "aspen_broker_messages_total",
      help: "Device publishes by kind and outcome",
      labelNames: ["kind", "outcome"],
      registers: [registry],
    }),
    rows: new Counter({ name: "aspen_broker_telemetry_rows_total", help: "Telemetry rows written", registers: [registry] }),
    rejected: new Counter({
      name: "aspen_broker_rejected_total",
      help: "Rejected input by kind",
      labelNames: ["kind"],
      registers: [registry],
    }),
    batchSeconds: new Histogram({
      name: "aspen_broker_batch_write_seconds",
      help: "Time to commit one ingest batch",
      buckets: [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    batchRows: new Histogram({
      name: "aspen_broker_batch_rows",
      help: "Rows per batch",
      buckets: [1, 10, 50, 100, 500, 1000, 2000, 5000],
      registers: [registry],
    }),
    sources,
    pendingRows: new Gauge({
      name: "aspen_broker_pending_rows",
      help: "Rows waiting for the database",
      registers: [registry],
      collect() {
        this.set(sources.pendingRows());
      },
    }),
    databaseDown: new Gauge({
      name: "aspen_broker_database_down",
      help: "1 while PostgreSQL is unreachable (acknowledgements held, new connections refused)",
      registers: [registry],
    }),
    batchFailures: new Counter({ name: "aspen_broker_batch_failures_total", help: "Failed batch writes (retried)", registers: [registry] }),
    throttled: new Counter({
      name: "aspen_broker_throttled_total",
      help: "Publishes delayed by the per-client rate limit",
      registers: [registry],
    }),
    redisUpdateFailures: new Counter({
      name: "aspen_broker_redis_update_failures_total",
      help: "After-commit Redis pipelines that failed (latest values, usage, live; the data is in Postgres)",
      registers: [registry],
    }),
    streamFailures: new Counter({
      name: "aspen_broker_ingest_stream_failures_total",
      help: "Committed batches that could not be appended to the ingest stream (logged; the data is in Postgres)",
      registers: [registry],
    }),
    recheckClosed: new Counter({
      name: "aspen_broker_recheck_disconnects_total",
      help: "Connections closed by the periodic re-check (a revocation whose message did not arrive)",
      registers: [registry],
    }),
    commands: new Counter({
      name: "aspen_broker_commands_total",
      help: "Command transitions",
      labelNames: ["status"],
      registers: [registry],
    }),
  };
  return m;
}

export type Metrics = ReturnType<typeof createMetrics>;
