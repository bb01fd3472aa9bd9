import type { Database } from "@aspen/db";
import { runRollup } from "@aspen/db/history";
import { rollupJob } from "@aspen/jobs";
import type { Job } from "bullmq";
import type { Logger } from "pino";

/**
 * Keeps the 1 min / 1 h rollups: recomputes exactly the buckets the telemetry trigger marked dirty
 * (late data included), in short batches. Idempotent: a rerun recomputes the same values.
 */
export function createRollupProcessor(db: Database, log: Logger) {
  return async (job: Job) => {
    if (job.name !== rollupJob.name) return;
    const opts = rollupJob.schema.parse(job.data);
    const started = performance.now();
    const r = await runRollup(db, opts);
    if (r.claimed > 0) log.debug({ ...r, ms: Math.round(performance.now() - started) }, "rollup");
    return { claimed: r.claimed, minutes: r.minutes, hours: r.hours };
  };
}
