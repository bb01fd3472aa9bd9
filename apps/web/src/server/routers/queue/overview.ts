import { queueOverview, queueOverviewOutput } from "../../services/queue/overview";
import { platformProcedure } from "./_procedure";

/** Depth of every job queue (platform operators). */
export const overview = platformProcedure.output(queueOverviewOutput).query(({ ctx }) => queueOverview({ userId: ctx.user.id }, {}));
