import { queues } from "@aspen/jobs";
import type { Queue } from "bullmq";
import { z } from "zod";
import { getProducer } from "../../jobs";

export const queueNames = Object.values(queues) as [string, ...string[]];
export const queueNameInput = z.enum(queueNames);

export function queueOf(name: string): Queue {
  return getProducer().queueFor(name);
}
