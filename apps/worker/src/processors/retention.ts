import type { Database } from "@aspen/db";
import { ensureTelemetryPartitions } from "@aspen/db";
import { ensurePartitionsJob } from "@aspen/jobs";
import type { Job } from "bullmq";

/** Creates the telemetry partitions for the coming months; idempotent. */
export function createRetentionProcessor(db: Database) {
  return async (job: Job) => {
    if (job.name !== ensurePartitionsJob.name) return;
    const { monthsAhead } = ensurePartitionsJob.schema.parse(job.data);
    await ensureTelemetryPartitions(db, monthsAhead);
  };
}
