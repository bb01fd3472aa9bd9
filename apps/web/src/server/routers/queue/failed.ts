import { failedJobs, failedJobsInput, failedJobsOutput } from "../../services/queue/failed";
import { platformProcedure } from "./_procedure";

/** Failed jobs of a queue (platform operators). */
export const failed = platformProcedure
  .input(failedJobsInput)
  .output(failedJobsOutput)
  .query(({ ctx, input }) => failedJobs({ userId: ctx.user.id }, input));
