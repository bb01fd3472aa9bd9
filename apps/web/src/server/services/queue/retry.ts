import { z } from "zod";
import { recordAudit } from "../../audit";
import { notFound } from "../../errors";
import type { RequestMeta } from "../../request-meta";
import { assertPlatformAdmin, type PlatformActor } from "./_admin";
import { queueNameInput, queueOf } from "./_queues";

export const retryJobsInput = z.object({
  queue: queueNameInput,
  /** One failed job, or every failed job of the queue when omitted. */
  jobId: z.string().min(1).max(200).optional(),
});
export const retryJobsOutput = z.object({ retried: z.number().int() });

/** Moves failed jobs back to waiting (a fresh round of attempts). */
export async function retryJobs(actor: PlatformActor & { email: string; meta: RequestMeta }, input: z.output<typeof retryJobsInput>) {
  await assertPlatformAdmin(actor);
  const q = queueOf(input.queue);
  let retried = 0;
  if (input.jobId) {
    const job = await q.getJob(input.jobId);
    if (!job || !(await job.isFailed())) throw notFound("Failed job");
    await job.retry("failed");
    retried = 1;
  } else {
    retried = await q.getFailedCount();
    await q.retryJobs({ state: "failed", count: 1000 });
  }
  await recordAudit(
    { user: { id: actor.userId, email: actor.email }, tenant: null, meta: actor.meta },
    {
      action: "queue.retry",
      targetType: "queue",
      targetName: input.queue,
      details: { jobId: input.jobId ?? null, retried },
      tenantId: null,
    },
  );
  return { retried };
}
