import { z } from "zod";
import { defineJob } from "../define-job";
import { queues } from "../queues";

/** Repeatable: raises "offline for more than N minutes" alarms and clears them when devices are back. */
export const offlineScanJob = defineJob({
  name: "alerts.offlineScan",
  queue: queues.alerts,
  schema: z.object({}),
  options: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
});

/** How often the offline scan runs. */
export const offlineScanEveryMs = 30_000;
