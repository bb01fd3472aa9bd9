import { z } from "zod";
import { assertPlatformAdmin, type PlatformActor } from "./_admin";
import { queueNames, queueOf } from "./_queues";

export const queueOverviewInput = z.object({});
export const queueOverviewOutput = z.object({
  queues: z.array(
    z.object({
      name: z.string(),
      waiting: z.number().int(),
      active: z.number().int(),
      delayed: z.number().int(),
      failed: z.number().int(),
      completed: z.number().int(),
      paused: z.boolean(),
    }),
  ),
});

/** Depth of every BullMQ queue (waiting, active, delayed, failed, kept completed). */
export async function queueOverview(actor: PlatformActor, _input: z.output<typeof queueOverviewInput>) {
  await assertPlatformAdmin(actor);
  const rows = await Promise.all(
    queueNames.map(async (name) => {
      const q = queueOf(name);
      const c = await q.getJobCounts("waiting", "active", "delayed", "failed", "completed");
      return {
        name,
        waiting: c.waiting ?? 0,
        active: c.active ?? 0,
        delayed: c.delayed ?? 0,
        failed: c.failed ?? 0,
        completed: c.completed ?? 0,
        paused: await q.isPaused(),
      };
    }),
  );
  return { queues: rows };
}
