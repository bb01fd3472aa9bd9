import { Counter, Histogram, type Registry } from "prom-client";

/** The worker's alert, notification and webhook metrics. */
export function createMetrics(registry: Registry) {
  const r = [registry];
  return {
    jobsDone: new Counter({
      name: "aspen_worker_jobs_total",
      help: "Jobs finished by queue and result",
      labelNames: ["queue", "result"],
      registers: r,
    }),
    streamEntries: new Counter({
      name: "aspen_alert_stream_entries_total",
      help: "Ingest stream entries processed, by result",
      labelNames: ["result"],
      registers: r,
    }),
    ruleEvaluations: new Counter({
      name: "aspen_alert_rule_evaluations_total",
      help: "(rule, device) evaluations of a batch",
      labelNames: ["trigger"],
      registers: r,
    }),
    alarms: new Counter({ name: "aspen_alarms_total", help: "Alarm changes written", labelNames: ["change"], registers: r }),
    batchSeconds: new Histogram({
      name: "aspen_alert_batch_seconds",
      help: "Time to evaluate one stream entry and write its effects",
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
      registers: r,
    }),
    alarmLagSeconds: new Histogram({
      name: "aspen_alarm_lag_seconds",
      help: "From a batch's commit to its alarm rows",
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
      registers: r,
    }),
    deliveries: new Counter({
      name: "aspen_webhook_deliveries_total",
      help: "Webhook delivery attempts, by outcome",
      labelNames: ["outcome"],
      registers: r,
    }),
    deliverySeconds: new Histogram({
      name: "aspen_webhook_delivery_seconds",
      help: "Duration of one webhook HTTP attempt",
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: r,
    }),
    notifications: new Counter({
      name: "aspen_notifications_total",
      help: "Notifications created and emails sent",
      labelNames: ["kind"],
      registers: r,
    }),
  };
}
export type WorkerMetrics = ReturnType<typeof createMetrics>;
