import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { keyedThrottle } from "./throttle";

describe("keyedThrottle", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs the first call at once and collapses a burst into one trailing run per key", () => {
    const t = keyedThrottle(1000);
    const a = vi.fn();
    const b = vi.fn();
    for (let i = 0; i < 500; i++) t.run("a", a);
    t.run("b", b);
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(999);
    expect(a).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(a).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(5000);
    expect(a).toHaveBeenCalledTimes(2);
    t.run("a", a);
    expect(a).toHaveBeenCalledTimes(3);
  });

  it("cancel drops pending runs", () => {
    const t = keyedThrottle(100);
    const a = vi.fn();
    t.run("a", a);
    t.run("a", a);
    t.cancel();
    vi.advanceTimersByTime(1000);
    expect(a).toHaveBeenCalledTimes(1);
  });
});
