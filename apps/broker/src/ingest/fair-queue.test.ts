import { describe, expect, it } from "vitest";
import { FairQueue } from "./fair-queue";

const e = (key: string, rows = 1, n = 0) => ({ key, rows, n });
const keys = (batch: { key: string }[]) => batch.map((x) => x.key).join("");

describe("FairQueue", () => {
  it("takes round-robin across keys, so a backlog of one key does not starve another", () => {
    const q = new FairQueue<ReturnType<typeof e>>(20);
    for (let i = 0; i < 10; i++) q.push(e("a", 1, i));
    q.push(e("b"));
    q.push(e("c"));
    expect(keys(q.takeRoundRobin(4))).toBe("abca");
    expect(q.queuedRows).toBe(8);
    expect(keys(q.takeRoundRobin(100))).toBe("aaaaaaaa");
    expect(q.queuedRows).toBe(0);
  });

  it("keeps each key's entries in order", () => {
    const q = new FairQueue<ReturnType<typeof e>>(20);
    for (let i = 0; i < 5; i++) q.push(e("a", 1, i));
    expect(q.takeRoundRobin(3).map((x) => x.n)).toEqual([0, 1, 2]);
    expect(q.takeRoundRobin(3).map((x) => x.n)).toEqual([3, 4]);
  });

  it("takes at least one entry even when it is larger than maxRows", () => {
    const q = new FairQueue<ReturnType<typeof e>>(20);
    q.push(e("a", 50));
    expect(q.takeRoundRobin(10)).toHaveLength(1);
  });

  it("counts rows per key while queued, and pending until settled", () => {
    const q = new FairQueue<ReturnType<typeof e>>(20);
    q.push(e("a", 3));
    q.push(e("a", 2));
    q.push(e("b", 4));
    expect([q.queuedRowsOf("a"), q.queuedRowsOf("b"), q.pendingRows]).toEqual([5, 4, 9]);
    const taken = q.takeRoundRobin(3);
    expect([q.queuedRowsOf("a"), q.queuedRowsOf("b"), q.queuedRows, q.pendingRows]).toEqual([2, 4, 6, 9]);
    q.settle(taken);
    expect(q.pendingRows).toBe(6);
    q.settle(q.takeRoundRobin(100));
    expect([q.queuedRows, q.pendingRows, q.queuedRowsOf("a")]).toEqual([0, 0, 0]);
  });

  it("takeLight takes only keys within their share (pending, queued or in flight, at most lightMaxRows)", () => {
    const q = new FairQueue<ReturnType<typeof e>>(5);
    for (let i = 0; i < 10; i++) q.push(e("heavy"));
    q.push(e("light", 2));
    q.push(e("light", 2));
    expect(q.hasLight).toBe(true);
    const express = q.takeLight(100);
    expect(keys(express)).toBe("lightlight");
    expect(q.hasLight).toBe(false);
    // a key whose rows in flight exceed the limit is not light even with little queued
    const inFlight = q.takeRoundRobin(8); // 8 of heavy's 10
    q.push(e("heavy"));
    expect(q.hasLight).toBe(false);
    q.settle(inFlight);
    expect(q.hasLight).toBe(true); // 3 pending now
    expect(keys(q.takeLight(100))).toBe("heavyheavyheavy");
  });
});
