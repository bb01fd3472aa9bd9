import { z } from "zod";
import { defineJob } from "../define-job";
import { queues } from "../queues";

/** Keeps telemetry partitions created ahead of time (and, later, drops data past each plan's retention). */
export const ensurePartitionsJob = defineJob({
  name: "retention.ensurePartitions",
  queue: queues.retention,
  schema: z.object({ monthsAhead: z.number().int().min(1).max(24).default(3) }),
  // One per day: producing it again the same day is a no-op.
  jobId: () => `ensure-partitions-${new Date().toISOString().slice(0, 10)}`,
  options: { attempts: 5 },
});
