import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createBatcher, type BatcherOptions } from "./batcher";

type Item = { key: string; n: number; poison?: boolean };

function setup(over: Partial<BatcherOptions<Item>> = {}) {
  const batches: Item[][] = [];
  let failNext = 0;
  const b = createBatcher<Item>({
    maxRows: 4,
    maxMs: 5,
    concurrency: 1,
    highWaterRows: 100,
    keyHighWaterRows: 10,
    expressMaxKeyRows: 0,
    rowsOf: () => 1,
    keyOf: (i) => i.key,
    isDataError: (e) => (e as { code?: string }).code === "22021",
    async write(items) {
      await new Promise((r) => setTimeout(r, 5));
      if (failNext > 0) {
        failNext--;
        throw Object.assign(new Error("connection lost"), { code: "ECONNRESET" });
      }
      if (items.some((i) => i.poison)) throw Object.assign(new Error("invalid byte sequence"), { code: "22021" });
      batches.push(items);
    },
    log: pino({ level: "silent" }),
    ...over,
  });
  return { b, batches, failOnce: (n = 1) => (failNext = n) };
}

describe("createBatcher", () => {
  it("flushes by size and by time", async () => {
    const { b, batches } = setup();
    const all = [1, 2, 3, 4, 5].map((n) => b.add({ key: "a", n }));
    await Promise.all(all);
    expect(batches.map((x) => x.map((i) => i.n))).toEqual([[1, 2, 3, 4], [5]]);
  });

  it("takes items round-robin across keys, so a backlog does not delay another device", async () => {
    const { b, batches } = setup();
    const flood = Array.from({ length: 12 }, (_, n) => b.add({ key: "flood", n }));
    const good = b.add({ key: "good", n: 100 });
    await Promise.all([...flood, good]);
    const batchOfGood = batches.findIndex((x) => x.some((i) => i.key === "good"));
    expect(batches.length).toBeGreaterThanOrEqual(4);
    expect(batchOfGood).toBeLessThanOrEqual(1);
  });

  it("refuses only the item the database cannot store", async () => {
    const { b, batches } = setup();
    const results = await Promise.all([b.add({ key: "a", n: 1 }), b.add({ key: "b", n: 2, poison: true }), b.add({ key: "c", n: 3 })]);
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(
      batches
        .flat()
        .map((i) => i.n)
        .sort(),
    ).toEqual([1, 3]);
  });

  it("retries a failed connection without acknowledging anything in between", async () => {
    const { b, batches, failOnce } = setup();
    failOnce(2);
    let settled = false;
    const p = b.add({ key: "a", n: 1 }).then((r) => ((settled = true), r));
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).toBe(false);
    expect(await p).toEqual({ ok: true });
    expect(batches.flat().map((i) => i.n)).toEqual([1]);
  });

  it("writes at once while no batch is in flight, and what arrives meanwhile as the next batch", async () => {
    const { b, batches } = setup({ maxMs: 10_000, maxRows: 100 });
    const t0 = performance.now();
    await b.add({ key: "a", n: 1 });
    expect(performance.now() - t0).toBeLessThan(1000);
    const first = b.add({ key: "a", n: 2 });
    await new Promise((r) => setTimeout(r, 1));
    const rest = [3, 4, 5].map((n) => b.add({ key: "b", n }));
    await Promise.all([first, ...rest]);
    expect(batches.map((x) => x.map((i) => i.n))).toEqual([[1], [2], [3, 4, 5]]);
  });

  it("makes a device with too much queued wait for space, but not the others", async () => {
    const { b } = setup({ keyHighWaterRows: 3, concurrency: 1, maxMs: 50 });
    for (let n = 0; n < 3; n++) void b.add({ key: "flood", n });
    expect(b.space("flood")).not.toBeNull();
    expect(b.space("good")).toBeNull();
    await b.drain(1000);
    expect(b.space("flood")).toBeNull();
  });
});

describe("express lane", () => {
  it("writes a light device's item at once while every slot is busy with a backlog", async () => {
    const order: string[] = [];
    const b = createBatcher<Item>({
      maxRows: 10,
      maxMs: 1,
      concurrency: 1,
      highWaterRows: 10_000,
      keyHighWaterRows: 10_000,
      expressMaxKeyRows: 5,
      rowsOf: () => 1,
      keyOf: (i) => i.key,
      isDataError: () => false,
      async write(items) {
        order.push(items.map((i) => i.key).join(","));
        await new Promise((r) => setTimeout(r, items[0]!.key === "flood" ? 50 : 1));
      },
      log: pino({ level: "silent" }),
    });
    const flood = Array.from({ length: 100 }, (_, n) => b.add({ key: "flood", n }));
    await new Promise((r) => setTimeout(r, 10));
    const t0 = performance.now();
    await b.add({ key: "good", n: 0 });
    expect(performance.now() - t0).toBeLessThan(40);
    await Promise.all(flood);
    expect(order.filter((o) => o === "good")).toHaveLength(1);
  });
});
