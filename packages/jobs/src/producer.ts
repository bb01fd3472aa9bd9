import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { z } from "zod";
import type { JobDefinition } from "./define-job";

/** Validates and enqueues a job; returns its id. One Queue instance per queue name is cached. */
export function createProducer(connection: Redis, prefix?: string) {
  const cache = new Map<string, Queue>();
  const queueFor = (name: string) => {
    let q = cache.get(name);
    if (!q) {
      q = new Queue(name, { connection, ...(prefix ? { prefix } : {}) });
      cache.set(name, q);
    }
    return q;
  };
  return {
    queueFor,
    async enqueue<S extends z.ZodType>(def: JobDefinition<S>, data: z.input<S>): Promise<string | undefined> {
      const parsed = def.schema.parse(data);
      const jobId = def.jobId?.(parsed);
      const job = await queueFor(def.queue).add(def.name, parsed, { ...def.options, ...(jobId ? { jobId } : {}) });
      return job.id;
    },
    async close() {
      await Promise.all([...cache.values()].map((q) => q.close()));
    },
  };
}
