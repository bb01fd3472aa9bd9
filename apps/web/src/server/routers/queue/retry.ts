import { retryJobs, retryJobsInput, retryJobsOutput } from "../../services/queue/retry";
import { platformProcedure } from "./_procedure";

/** Retries one failed job or all of a queue (platform operators). */
export const retry = platformProcedure
  .input(retryJobsInput)
  .output(retryJobsOutput)
  .mutation(({ ctx, input }) => retryJobs({ userId: ctx.user.id, email: ctx.user.email, meta: ctx.meta }, input));
