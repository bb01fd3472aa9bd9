import { randomBytes } from "node:crypto";
import { createRedis } from "@aspen/jobs";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { createStreamConsumer, type StreamEntry } from "./stream-consumer";

const redis = createRedis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
afterAll(async () => {
  await redis.quit();
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A consumer of `stream` on its own connection (closed by `close`). */
function consumerOf(stream: string, o: { count: number; lingerMs: number }, handle: (entries: StreamEntry[]) => Promise<void>) {
  const conn = createRedis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
  const consumer = createStreamConsumer({
    redis: conn,
    stream,
    group: "alerts",
    consumer: "c1",
    count: o.count,
    claimIdleMs: 60_000,
    blockMs: 200,
    lingerMs: o.lingerMs,
    log: pino({ level: "silent" }),
    handle,
  });
  return {
    start: () => consumer.start(),
    async close() {
      await consumer.stop();
      await conn.quit();
    },
  };
}

/** A consumer over a fresh stream that records each read's size; entries are added every `everyMs`. */
async function reads(opts: { lingerMs: number; count: number; entries: number; everyMs: number }) {
  const stream = `consumer-test-${randomBytes(4).toString("hex")}`;
  const sizes: number[] = [];
  const seen: string[] = [];
  const consumer = consumerOf(stream, opts, async (entries) => {
    sizes.push(entries.length);
    for (const [, fields] of entries) seen.push(fields[1] ?? "");
  });
  await consumer.start();
  for (let i = 0; i < opts.entries; i++) {
    await redis.xadd(stream, "*", "n", String(i));
    if (opts.everyMs) await sleep(opts.everyMs);
  }
  const end = Date.now() + 5000;
  while (seen.length < opts.entries && Date.now() < end) await sleep(20);
  await consumer.close();
  const pending = (await redis.xpending(stream, "alerts")) as [number, ...unknown[]];
  await redis.del(stream);
  return { sizes, seen, pending: pending[0] };
}

describe("the ingest stream consumer", () => {
  it("gathers entries arriving close together into fewer reads when it lingers, losing none", async () => {
    const eager = await reads({ lingerMs: 0, count: 50, entries: 30, everyMs: 10 });
    const lingering = await reads({ lingerMs: 150, count: 50, entries: 30, everyMs: 10 });
    for (const r of [eager, lingering]) {
      expect(r.seen).toEqual(Array.from({ length: 30 }, (_, i) => String(i)));
      expect(r.pending).toBe(0);
    }
    expect(lingering.sizes.length).toBeLessThanOrEqual(6);
    expect(eager.sizes.length).toBeGreaterThan(lingering.sizes.length * 2);
  });

  it("reads again at once after a full read (a worker behind does not wait)", async () => {
    const stream = `consumer-test-${randomBytes(4).toString("hex")}`;
    for (let i = 0; i < 40; i++) await redis.xadd(stream, "*", "n", String(i));
    const at: number[] = [];
    const consumer = consumerOf(stream, { count: 10, lingerMs: 500 }, async () => {
      at.push(Date.now());
    });
    // The group starts at the beginning of the stream: the 40 entries are four full reads.
    await consumer.start();
    const end = Date.now() + 5000;
    while (at.length < 4 && Date.now() < end) await sleep(10);
    await consumer.close();
    await redis.del(stream);
    expect(at.length).toBe(4);
    expect((at[3] ?? 0) - (at[0] ?? 0)).toBeLessThan(400);
  });
});
