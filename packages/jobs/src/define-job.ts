import type { JobsOptions } from "bullmq";
import type { z } from "zod";
import type { QueueName } from "./queues";

export interface JobDefinition<S extends z.ZodType> {
  name: string;
  queue: QueueName;
  schema: S;
  /** Deterministic job id (no ":"), so a job produced twice runs once. */
  jobId?: (data: z.infer<S>) => string;
  options: JobsOptions;
}

/** Default options per BullMQ's production guide: retries with exponential backoff and capped history. */
export const defaultJobOptions: JobsOptions = {
  attempts: 8,
  backoff: { type: "exponential", delay: 1000, jitter: 0.5 },
  removeOnComplete: { count: 1000, age: 24 * 3600 },
  removeOnFail: { count: 5000, age: 7 * 24 * 3600 },
};

/** Declares a job once: its queue, its zod payload schema and its options. */
export function defineJob<S extends z.ZodType>(def: {
  name: string;
  queue: QueueName;
  schema: S;
  jobId?: (data: z.infer<S>) => string;
  options?: JobsOptions;
}): JobDefinition<S> {
  return { ...def, options: { ...defaultJobOptions, ...def.options } };
}
