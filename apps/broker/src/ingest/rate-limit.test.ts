import { describe, expect, it, vi } from "vitest";
import { createRateBucket } from "./rate-limit";

describe("createRateBucket", () => {
  it("lets a burst through, then releases at the rate", async () => {
    vi.useFakeTimers();
    let t = 0;
    const bucket = createRateBucket(10, 3, undefined, () => t);
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([null, null, null]);
    const released: number[] = [];
    for (let i = 0; i < 5; i++) bucket.take()!.then(() => released.push(i));
    t = 100;
    await vi.advanceTimersByTimeAsync(100);
    expect(released).toEqual([0]);
    t = 500;
    await vi.advanceTimersByTimeAsync(400);
    // never more than the burst at once
    expect(released).toEqual([0, 1, 2, 3]);
    t = 600;
    await vi.advanceTimersByTimeAsync(100);
    expect(released).toEqual([0, 1, 2, 3, 4]);
    bucket.close();
    vi.useRealTimers();
  });

  it("keeps order: a new message waits behind queued ones even if a token is back", async () => {
    vi.useFakeTimers();
    let t = 0;
    const bucket = createRateBucket(1, 1, undefined, () => t);
    expect(bucket.take()).toBeNull();
    const waiting = bucket.take();
    expect(waiting).not.toBeNull();
    t = 2000;
    expect(bucket.take()).not.toBeNull();
    bucket.close();
    vi.useRealTimers();
  });
});
