import { z } from "zod";
import { pageInput } from "../../pagination";
import { assertPlatformAdmin, type PlatformActor } from "./_admin";
import { queueNameInput, queueOf } from "./_queues";

export const failedJobsInput = z.object({ queue: queueNameInput, ...pageInput });
export const failedJobsOutput = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      failedReason: z.string(),
      attemptsMade: z.number().int(),
      failedAt: z.date().nullable(),
      createdAt: z.date(),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** Failed jobs of a queue, newest first (job data holds ids only, never secrets). */
export async function failedJobs(actor: PlatformActor, input: z.output<typeof failedJobsInput>) {
  await assertPlatformAdmin(actor);
  const q = queueOf(input.queue);
  const start = (input.page - 1) * input.pageSize;
  const [jobs, total] = await Promise.all([q.getFailed(start, start + input.pageSize - 1), q.getFailedCount()]);
  return {
    items: jobs.filter(Boolean).map((j) => ({
      id: String(j.id),
      name: j.name,
      failedReason: (j.failedReason ?? "").slice(0, 2000),
      attemptsMade: j.attemptsMade,
      failedAt: j.finishedOn ? new Date(j.finishedOn) : null,
      createdAt: new Date(j.timestamp),
      data: (j.data ?? {}) as Record<string, unknown>,
    })),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}
