/** BullMQ queue names. Workers and producers import them from here only. */
export const queues = {
  alerts: "alerts",
  webhooks: "webhooks",
  notifications: "notifications",
  usage: "usage",
  retention: "retention",
  rollup: "rollup",
  exports: "exports",
} as const;

export type QueueName = (typeof queues)[keyof typeof queues];
