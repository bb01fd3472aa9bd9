import { dailyDigestJob, ensurePartitionsJob, offlineScanJob, type createProducer } from "@aspen/jobs";

/** Repeatable jobs, upserted at start (BullMQ job schedulers are idempotent by id). */
export async function upsertSchedules(producer: ReturnType<typeof createProducer>, opts: { offlineScanMs: number }) {
  await producer
    .queueFor(ensurePartitionsJob.queue)
    .upsertJobScheduler(
      "ensure-partitions-daily",
      { pattern: "17 3 * * *" },
      { name: ensurePartitionsJob.name, data: { monthsAhead: 3 }, opts: ensurePartitionsJob.options },
    );
  await producer
    .queueFor(offlineScanJob.queue)
    .upsertJobScheduler("alerts-offline-scan", { every: opts.offlineScanMs }, { name: offlineScanJob.name, data: {}, opts: offlineScanJob.options });
  await producer
    .queueFor(dailyDigestJob.queue)
    .upsertJobScheduler("notifications-daily-digest", { pattern: "5 6 * * *", tz: "UTC" }, { name: dailyDigestJob.name, data: {}, opts: dailyDigestJob.options });
}
