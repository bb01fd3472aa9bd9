import type { Logger } from "pino";
import { FairQueue, type Queued } from "./fair-queue";

/** The outcome of one item: written, or refused by the database (a value it cannot store). */
export type WriteResult = { ok: true } | { ok: false; reason: string };

export interface BatcherOptions<T> {
  maxRows: number;
  maxMs: number;
  /** Batches written at the same time. */
  concurrency: number;
  /**
   * While fewer than this many batches are being written, whatever is queued goes at once (at the
   * end of the current event-loop turn) instead of waiting for `maxMs` or `maxRows`: at moderate
   * rates a message waits for about one write, not for a timer. Default 1.
   */
  eagerWriters?: number;
  /** Rows pending in total beyond which `space()` makes publishers wait. */
  highWaterRows: number;
  /** Rows one key (device) may have queued before its own publishers wait. */
  keyHighWaterRows: number;
  /**
   * Keys with at most this many rows pending (queued or being written) are "light" (a device within
   * its fair share): when every regular slot is busy with backlog, one extra express batch of light
   * keys only goes at once.
   */
  expressMaxKeyRows?: number;
  rowsOf(item: T): number;
  /** Fairness key: batches take items round-robin across keys, so one flooding device cannot delay the others. */
  keyOf(item: T): string;
  /** Writes the items in one transaction. */
  write(items: T[]): Promise<void>;
  /** Whether this batch must wait for every earlier batch (order-sensitive items such as shadow merges). */
  ordered?(items: T[]): boolean;
  /** True for errors caused by the data (SQLSTATE 22xxx/23xxx): the batch is then split to find the culprit. */
  isDataError(err: unknown): boolean;
  /** Runs after a commit, after the items' promises resolved (side effects that must not delay acks). */
  onCommitted?(items: T[]): void;
  onBatch?(rows: number, seconds: number): void;
  onRetry?(err: unknown): void;
  /** Cuts a retry's backoff short (the database answers again). */
  retryNow?(): Promise<void>;
  log: Logger;
}

interface Entry<T> extends Queued {
  item: T;
  resolve(r: WriteResult): void;
}

export interface Batcher<T> {
  /** Queues an item; resolves once it is committed (or refused). */
  add(item: T): Promise<WriteResult>;
  /** The same with a callback (no promise per item on the publish path). */
  submit(item: T, onResult: (r: WriteResult) => void): void;
  /** null when there is room for this key; otherwise resolves once there is. */
  space(key: string): Promise<void> | null;
  pendingRows(): number;
  /** Writes everything queued; `deadlineMs` bounds retries of a failing database. */
  drain(deadlineMs: number): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Collects items into batches with bounded concurrency: written at once while fewer than
 * `eagerWriters` batches are in flight (group commit: a batch holds what arrived during the previous
 * write), otherwise when `maxRows` are queued or the oldest has waited `maxMs`. Each batch takes items
 * round-robin across keys (devices, `FairQueue`), so a device with a backlog of thousands of rows delays another
 * device's message by at most about one batch.
 * A connection failure retries the whole batch with backoff — the publishers keep waiting, so
 * nothing is acknowledged that is not in the database; a data error splits the batch and refuses
 * only the item that caused it.
 */
export function createBatcher<T>(o: BatcherOptions<T>): Batcher<T> {
  const queue = new FairQueue<Entry<T>>(o.expressMaxKeyRows ?? 20);
  let expressInflight = false;
  const eager = Math.min(o.eagerWriters ?? 1, o.concurrency);
  let pumpScheduled = false;
  let due = false;
  let timer: NodeJS.Timeout | null = null;
  let inflight = 0;
  let tail: Promise<void> = Promise.resolve();
  let spaceWaiters: { key: string; resolve: () => void }[] = [];
  let idleWaiters: (() => void)[] = [];
  let deadline = Number.POSITIVE_INFINITY;

  /** Pumps once at the end of this event-loop turn, so that the messages read in it share a batch. */
  function schedulePump() {
    if (pumpScheduled) return;
    pumpScheduled = true;
    setImmediate(() => {
      pumpScheduled = false;
      pump();
    });
  }

  function pump() {
    while (inflight < o.concurrency && queue.queuedRows > 0 && (due || queue.queuedRows >= o.maxRows || inflight < eager)) {
      void run(queue.takeRoundRobin(o.maxRows));
    }
    // Every regular slot busy (a backlog): light devices do not wait behind it.
    if (inflight >= o.concurrency && !expressInflight && queue.hasLight) {
      expressInflight = true;
      void run(queue.takeLight(o.maxRows), true);
    }
    if (queue.queuedRows === 0) due = false;
    if (queue.queuedRows > 0 && !timer && !due) {
      timer = setTimeout(() => {
        timer = null;
        due = true;
        pump();
      }, o.maxMs);
    }
  }

  async function writeWithRetry(items: T[]): Promise<void> {
    let backoff = 100;
    for (;;) {
      try {
        await o.write(items);
        return;
      } catch (err) {
        if (o.isDataError(err) || Date.now() > deadline) throw err;
        o.onRetry?.(err);
        o.log.error({ err, items: items.length, retryInMs: backoff }, "batch write failed; retrying");
        await (o.retryNow ? Promise.race([sleep(backoff), o.retryNow()]) : sleep(backoff));
        backoff = Math.min(backoff * 2, 5000);
      }
    }
  }

  function wakeSpaceWaiters() {
    if (spaceWaiters.length === 0) return;
    const still: typeof spaceWaiters = [];
    for (const w of spaceWaiters) {
      if (hasSpace(w.key)) w.resolve();
      else still.push(w);
    }
    spaceWaiters = still;
  }

  async function run(batch: Entry<T>[], express = false) {
    if (!express) inflight++;
    const items = batch.map((e) => e.item);
    const rows = batch.reduce((n, e) => n + e.rows, 0);
    let done!: () => void;
    const finished = new Promise<void>((r) => (done = r));
    const before = tail;
    tail = tail.then(() => finished);
    const started = performance.now();
    const results: WriteResult[] = batch.map(() => ({ ok: true }));
    try {
      if (o.ordered?.(items)) await before;
      try {
        await writeWithRetry(items);
      } catch (err) {
        if (!o.isDataError(err) || batch.length === 1) throw err;
        o.log.warn({ err, items: batch.length }, "batch refused by the database; writing its items one by one");
        for (let i = 0; i < batch.length; i++) {
          try {
            await writeWithRetry([items[i]!]);
          } catch (itemErr) {
            results[i] = { ok: false, reason: describe(itemErr) };
          }
        }
      }
    } catch (err) {
      o.log.error({ err, items: batch.length }, "batch not written");
      results.fill({ ok: false, reason: describe(err) });
    }
    o.onBatch?.(rows, (performance.now() - started) / 1000);
    batch.forEach((e, i) => e.resolve(results[i]!));
    const committed = items.filter((_, i) => results[i]!.ok);
    if (committed.length > 0) {
      try {
        o.onCommitted?.(committed);
      } catch (err) {
        o.log.error({ err }, "post-commit step failed");
      }
    }
    queue.settle(batch);
    if (express) expressInflight = false;
    else inflight--;
    done();
    wakeSpaceWaiters();
    if (queue.pendingRows === 0 && idleWaiters.length > 0) {
      const w = idleWaiters;
      idleWaiters = [];
      w.forEach((f) => f());
    }
    pump();
  }

  function submit(item: T, resolve: (r: WriteResult) => void) {
    queue.push({ item, key: o.keyOf(item), rows: Math.max(1, o.rowsOf(item)), resolve });
    schedulePump();
  }

  const hasSpace = (key: string) => queue.pendingRows < o.highWaterRows && queue.queuedRowsOf(key) < o.keyHighWaterRows;

  return {
    add(item) {
      return new Promise<WriteResult>((resolve) => submit(item, resolve));
    },
    submit,
    space(key) {
      if (hasSpace(key)) return null;
      return new Promise<void>((resolve) => spaceWaiters.push({ key, resolve }));
    },
    pendingRows: () => queue.pendingRows,
    async drain(deadlineMs) {
      deadline = Date.now() + deadlineMs;
      due = true;
      pump();
      if (queue.pendingRows === 0) return;
      await new Promise<void>((r) => idleWaiters.push(r));
    },
  };
}

function describe(err: unknown): string {
  const e = err as { message?: string; cause?: { message?: string } };
  return e?.cause?.message ?? e?.message ?? String(err);
}
