import { createProducer, createRedis } from "@aspen/jobs";
import { getEnv } from "../env";

const g = globalThis as unknown as { __aspenProducer?: ReturnType<typeof createProducer> };

/** The web app's BullMQ producer (one connection, queues cached). */
export function getProducer(): ReturnType<typeof createProducer> {
  g.__aspenProducer ??= createProducer(createRedis(getEnv().REDIS_URL), getEnv().BULLMQ_PREFIX);
  return g.__aspenProducer;
}
