import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

interface Metrics {
  registry: Registry;
  trpcCalls: Counter<"path" | "type" | "result">;
  trpcDuration: Histogram<"path" | "type">;
  logins: Counter<"result">;
  auditWriteFailures: Counter;
  liveStreams: Gauge;
  ingestStreamFailures: Counter;
  deviceErrorsSuppressed: Counter;
}

const g = globalThis as unknown as { __aspenMetrics?: Metrics };

function create(): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ app: "web" });
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    trpcCalls: new Counter({
      name: "aspen_trpc_calls_total",
      help: "tRPC procedure calls by path, type and result (ok or the tRPC error code)",
      labelNames: ["path", "type", "result"],
      registers: [registry],
    }),
    trpcDuration: new Histogram({
      name: "aspen_trpc_duration_seconds",
      help: "tRPC procedure duration",
      labelNames: ["path", "type"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    logins: new Counter({
      name: "aspen_logins_total",
      help: "Sign-in attempts by result (success, invalid, rate_limited)",
      labelNames: ["result"],
      registers: [registry],
    }),
    auditWriteFailures: new Counter({
      name: "aspen_audit_write_failures_total",
      help: "Audit rows that could not be written (the request still succeeded)",
      registers: [registry],
    }),
    liveStreams: new Gauge({
      name: "aspen_live_streams",
      help: "Open live-update streams (server-sent events) to browsers",
      registers: [registry],
    }),
    ingestStreamFailures: new Counter({
      name: "aspen_ingest_stream_failures_total",
      help: "Device HTTP API batches that could not be appended to the ingest stream (logged; the data is in Postgres)",
      registers: [registry],
    }),
    deviceErrorsSuppressed: new Counter({
      name: "aspen_device_errors_suppressed_total",
      help: "Refused device HTTP requests not written to device_errors because the device was over its per-minute error-row budget",
      registers: [registry],
    }),
  };
}

/** Process-wide metrics (kept on globalThis so dev hot reloads do not register twice). */
export function metrics(): Metrics {
  g.__aspenMetrics ??= create();
  return g.__aspenMetrics;
}
