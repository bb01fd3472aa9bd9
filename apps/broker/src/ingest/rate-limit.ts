/** A per-connection token bucket: `take()` returns null when a message may go now, or a promise that waits its turn. */
export interface RateBucket {
  take(): Promise<void> | null;
  /** Drops waiting messages and the timer (the connection is gone). */
  close(): void;
}

/**
 * Waiting here keeps aedes from reading the next chunk of the socket (it reads on only after every
 * packet of the previous chunk is handled), so a fast publisher is slowed by TCP back-pressure
 * instead of being buffered in memory. One timer per throttled connection, not one per message.
 */
export function createRateBucket(ratePerSec: number, burst: number, onThrottle?: () => void, now = Date.now): RateBucket {
  let tokens = burst;
  let last = now();
  const queue: (() => void)[] = [];
  let timer: NodeJS.Timeout | null = null;

  const refill = () => {
    const t = now();
    tokens = Math.min(burst, tokens + ((t - last) / 1000) * ratePerSec);
    last = t;
  };

  const schedule = () => {
    if (timer || queue.length === 0) return;
    const wait = Math.max(1, Math.ceil(((1 - tokens) / ratePerSec) * 1000));
    timer = setTimeout(release, wait);
  };

  function release() {
    timer = null;
    refill();
    while (queue.length > 0 && tokens >= 1) {
      tokens -= 1;
      queue.shift()!();
    }
    schedule();
  }

  return {
    take() {
      refill();
      if (queue.length === 0 && tokens >= 1) {
        tokens -= 1;
        return null;
      }
      onThrottle?.();
      const p = new Promise<void>((resolve) => queue.push(resolve));
      schedule();
      return p;
    },
    close() {
      if (timer) clearTimeout(timer);
      timer = null;
      queue.length = 0;
    },
  };
}
