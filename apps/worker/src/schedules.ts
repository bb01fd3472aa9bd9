import {
  applyRetentionJob,
  dailyDigestJob,
  ensurePartitionsJob,
  expireExportsJob,
  offlineScanJob,
  rollupJob,
  type createProducer,
} from "@aspen/jobs";

/** Repeatable jobs, upserted at start (BullMQ job schedulers are idempotent by id). */
export async function upsertSchedules(producer: ReturnType<typeof createProducer>, opts: { offlineScanMs: number; rollupEveryMs: number }) {
  await producer
    .queueFor(ensurePartitionsJob.queue)
    .upsertJobScheduler(
      "ensure-partitions-daily",
      { pattern: "17 3 * * *" },
      { name: ensurePartitionsJob.name, data: { monthsAhead: 3 }, opts: ensurePartitionsJob.options },
    );
  await producer
    .queueFor(offlineScanJob.queue)
    .upsertJobScheduler(
      "alerts-offline-scan",
      { every: opts.offlineScanMs },
      { name: offlineScanJob.name, data: {}, opts: offlineScanJob.options },
    );
  await producer
    .queueFor(dailyDigestJob.queue)
    .upsertJobScheduler(
      "notifications-daily-digest",
      { pattern: "5 6 * * *", tz: "UTC" },
      { name: dailyDigestJob.name, data: {}, opts: dailyDigestJob.options },
    );
  // The scheduler keeps its first id so deployments that change the interval replace it instead of adding one.
  const rollups = producer.queueFor(rollupJob.queue);
  if (opts.rollupEveryMs === 0) await rollups.removeJobScheduler("rollup-every-15s");
  else
    await rollups.upsertJobScheduler(
      "rollup-every-15s",
      { every: opts.rollupEveryMs },
      { name: rollupJob.name, data: rollupJob.schema.parse({}), opts: rollupJob.options },
    );
  await producer
    .queueFor(applyRetentionJob.queue)
    .upsertJobScheduler(
      "apply-retention-hourly",
      { pattern: "41 * * * *" },
      { name: applyRetentionJob.name, data: applyRetentionJob.schema.parse({}), opts: applyRetentionJob.options },
    );
  await producer
    .queueFor(expireExportsJob.queue)
    .upsertJobScheduler(
      "expire-exports-hourly",
      { pattern: "7 * * * *" },
      { name: expireExportsJob.name, data: {}, opts: expireExportsJob.options },
    );
}
