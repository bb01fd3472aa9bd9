import { queues } from "@aspen/jobs";
import { createRedis } from "@aspen/jobs";
import { users } from "@aspen/db/schema";
import { createTestUser } from "@aspen/db/testing";
import { TRPCError } from "@trpc/server";
import { Worker, UnrecoverableError } from "bullmq";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getSystemDb } from "../../db";
import { getProducer } from "../../jobs";
import { callerAs, ensureTestEnv } from "../../testing";

ensureTestEnv();
const prefix = process.env.BULLMQ_PREFIX ?? "aspen";

async function codeOf(p: Promise<unknown>) {
  try {
    await p;
    return "OK";
  } catch (err) {
    if (err instanceof TRPCError) return err.code;
    throw err;
  }
}

let admin: Awaited<ReturnType<typeof createTestUser>>;
let member: Awaited<ReturnType<typeof createTestUser>>;
beforeAll(async () => {
  admin = await createTestUser(getSystemDb());
  member = await createTestUser(getSystemDb());
  await getSystemDb().update(users).set({ platformAdmin: true }).where(eq(users.id, admin.id));
});

describe("queue (platform operators)", () => {
  it("is refused to users without platform_admin and to signed-out callers", async () => {
    for (const call of [
      (k: ReturnType<typeof callerAs>) => k.queue.overview(),
      (k: ReturnType<typeof callerAs>) => k.queue.failed({ queue: "webhooks" }),
      (k: ReturnType<typeof callerAs>) => k.queue.retry({ queue: "webhooks" }),
    ]) {
      expect(await codeOf(call(callerAs(member)))).toBe("FORBIDDEN");
      expect(await codeOf(call(callerAs(null)))).toBe("UNAUTHORIZED");
    }
  });

  it("shows queue depths and failed jobs, and retries them", async () => {
    const q = getProducer().queueFor(queues.retention);
    const name = `test.fail.${Date.now()}`;
    const job = await q.add(name, { n: 1 }, { attempts: 1 });
    const worker = new Worker(
      queues.retention,
      async (j) => {
        if (j.name === name) throw new UnrecoverableError("boom for the test");
      },
      { connection: createRedis(process.env.REDIS_URL!), prefix },
    );
    const k = callerAs(admin);
    for (let i = 0; i < 100 && !(await job.isFailed()); i++) await new Promise((r) => setTimeout(r, 50));
    await worker.close();
    const overview = await k.queue.overview();
    expect(overview.queues.map((x) => x.name).sort()).toEqual(Object.values(queues).sort());
    expect(overview.queues.find((x) => x.name === "retention")!.failed).toBeGreaterThanOrEqual(1);
    const failed = await k.queue.failed({ queue: "retention", pageSize: 100 });
    const mine = failed.items.find((j) => j.id === job.id)!;
    expect(mine).toMatchObject({ name, failedReason: "boom for the test", attemptsMade: 1 });
    expect(await k.queue.retry({ queue: "retention", jobId: job.id! })).toEqual({ retried: 1 });
    expect(await (await q.getJob(job.id!))!.getState()).toBe("waiting");
    await (await q.getJob(job.id!))!.remove();
    expect(await codeOf(k.queue.retry({ queue: "retention", jobId: "no-such-job" }))).toBe("NOT_FOUND");
  });
});
