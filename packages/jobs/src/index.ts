export * from "./queues";
export * from "./define-job";
export * from "./producer";
export * from "./redis";
export * from "./ops-server";
export * from "./jobs/retention";
export * from "./jobs/history";
