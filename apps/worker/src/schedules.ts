import { ensurePartitionsJob, type createProducer } from "@aspen/jobs";

/** Repeatable jobs, upserted at start (BullMQ job schedulers are idempotent by id). */
export async function upsertSchedules(producer: ReturnType<typeof createProducer>) {
  await producer
    .queueFor(ensurePartitionsJob.queue)
    .upsertJobScheduler(
      "ensure-partitions-daily",
      { pattern: "17 3 * * *" },
      { name: ensurePartitionsJob.name, data: { monthsAhead: 3 }, opts: ensurePartitionsJob.options },
    );
}
