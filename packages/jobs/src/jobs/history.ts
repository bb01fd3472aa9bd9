import { z } from "zod";
import { defineJob } from "../define-job";
import { queues } from "../queues";

/** Drains the dirty-minute queue into the 1 min / 1 h rollups (repeatable; a run is idempotent). */
export const rollupJob = defineJob({
  name: "rollup.run",
  queue: queues.rollup,
  schema: z.object({
    batchSize: z.number().int().min(100).max(50_000).default(5000),
    maxBatches: z.number().int().min(1).max(10_000).default(200),
  }),
  // A failed run is simply redone by the next tick: no retries piling up behind the schedule.
  options: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 500 } },
});

/** Deletes each tenant's rows older than its retention, drops old partitions, creates the next ones. */
export const applyRetentionJob = defineJob({
  name: "retention.apply",
  queue: queues.retention,
  schema: z.object({
    batchSize: z.number().int().min(100).max(100_000).default(10_000),
    maxBatches: z.number().int().min(1).max(100_000).default(1000),
  }),
  jobId: () => `apply-retention-${new Date().toISOString().slice(0, 13).replace(/[-T]/g, "")}`,
  options: { attempts: 3 },
});

/** Writes a large telemetry export to a file (the row in `telemetry_exports` holds what to export). */
export const exportJob = defineJob({
  name: "export.write",
  queue: queues.exports,
  schema: z.object({ exportId: z.uuid(), tenantId: z.uuid() }),
  jobId: (d) => `export-${d.exportId}`,
  options: { attempts: 3 },
});

/** Deletes export files (and their rows' file names) past their expiry. */
export const expireExportsJob = defineJob({
  name: "export.expire",
  queue: queues.exports,
  schema: z.object({}),
  options: { attempts: 1, removeOnComplete: { count: 50 }, removeOnFail: { count: 100 } },
});
