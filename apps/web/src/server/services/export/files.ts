import { join } from "node:path";
import { createProducer } from "@aspen/jobs";
import { getEnv } from "../../../env";
import { getRedis } from "../../redis";

const g = globalThis as unknown as { __aspenProducer?: ReturnType<typeof createProducer> };

/** The BullMQ producer the web app queues large exports with. */
export function getProducer(): ReturnType<typeof createProducer> {
  g.__aspenProducer ??= createProducer(getRedis(), getEnv().BULLMQ_PREFIX);
  return g.__aspenProducer;
}

/** The file of an export: its uuid and extension under EXPORT_DIR, never a name from input. */
export function exportFilePath(fileName: string): string {
  if (!/^[0-9a-f-]{36}\.(csv|jsonl)$/.test(fileName)) throw new Error("bad export file name");
  return join(getEnv().EXPORT_DIR, fileName);
}
