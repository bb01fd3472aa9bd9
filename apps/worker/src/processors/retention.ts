import type { Database } from "@aspen/db";
import { ensureTelemetryPartitions } from "@aspen/db";
import { defaultRetentionDays, deleteExpiredRows, dropPartitionsBefore, tenantRetentions } from "@aspen/db/history";
import { applyRetentionJob, ensurePartitionsJob } from "@aspen/jobs";
import type { Job } from "bullmq";
import type { Logger } from "pino";

const dayMs = 86_400_000;

/**
 * Retention: creates the telemetry partitions for the coming months (idempotent), and deletes each
 * tenant's telemetry, events, connection history, device errors and rollups older than its retention
 * in bounded batches, then drops the whole month partitions older than the longest retention.
 */
export function createRetentionProcessor(db: Database, log?: Logger) {
  return async (job: Job) => {
    if (job.name === ensurePartitionsJob.name) {
      const { monthsAhead } = ensurePartitionsJob.schema.parse(job.data);
      await ensureTelemetryPartitions(db, monthsAhead);
      return;
    }
    if (job.name !== applyRetentionJob.name) return;
    const opts = applyRetentionJob.schema.parse(job.data);
    return applyRetention(db, opts, Date.now(), log);
  };
}

/** One retention pass at `now`: what was deleted per table, which partitions were dropped. */
export async function applyRetention(db: Database, opts: { batchSize: number; maxBatches: number }, now: number, log?: Logger) {
  const tenants = await tenantRetentions(db);
  const deleted: Record<string, number> = {};
  let batchesLeft = opts.maxBatches;
  let complete = true;
  for (const t of tenants) {
    if (batchesLeft <= 0) {
      complete = false;
      break;
    }
    const r = await deleteExpiredRows(db, t.tenantId, new Date(now - t.retentionDays * dayMs), {
      batchSize: opts.batchSize,
      maxBatches: batchesLeft,
    });
    batchesLeft -= r.batches;
    complete &&= r.complete;
    for (const [table, n] of Object.entries(r.deleted)) deleted[table] = (deleted[table] ?? 0) + n;
  }
  const longest = tenants.length > 0 ? Math.max(...tenants.map((t) => t.retentionDays)) : defaultRetentionDays;
  await ensureTelemetryPartitions(db, 3);
  const partitions = await dropPartitionsBefore(db, new Date(now - longest * dayMs));
  log?.info({ deleted, complete, dropped: partitions.dropped, skipped: partitions.skipped }, "retention applied");
  return { deleted, complete, ...partitions };
}
