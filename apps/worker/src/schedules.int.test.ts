import { randomBytes } from "node:crypto";
import { createProducer, createRedis, rollupJob } from "@aspen/jobs";
import { afterAll, describe, expect, it } from "vitest";
import { upsertSchedules } from "./schedules";

const redis = createRedis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
afterAll(async () => {
  await redis.quit();
});

/** The rollup queue's schedulers after `upsertSchedules` ran with each interval in turn, on a fresh prefix. */
async function rollupSchedulers(...intervals: number[]) {
  const producer = createProducer(redis, `sched-test-${randomBytes(4).toString("hex")}`);
  try {
    for (const rollupEveryMs of intervals) await upsertSchedules(producer, { offlineScanMs: 30_000, rollupEveryMs });
    const list = await producer.queueFor(rollupJob.queue).getJobSchedulers();
    return list.map((s) => ({ id: s.key, every: s.every }));
  } finally {
    await producer.close();
  }
}

describe("worker schedules", () => {
  it("schedules the rollup at the configured interval", async () => {
    expect(await rollupSchedulers(20_000)).toEqual([{ id: "rollup-every-15s", every: 20_000 }]);
  });

  it("replaces the rollup scheduler when the interval changes, instead of adding one", async () => {
    expect(await rollupSchedulers(15_000, 5_000)).toEqual([{ id: "rollup-every-15s", every: 5_000 }]);
  });

  it("schedules no rollup with 0, and removes one scheduled before", async () => {
    expect(await rollupSchedulers(0)).toEqual([]);
    expect(await rollupSchedulers(15_000, 0)).toEqual([]);
  });
});
