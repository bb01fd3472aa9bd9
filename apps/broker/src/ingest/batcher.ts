import type { Logger } from "pino";

/** The outcome of one item: written, or refused by the database (a value it cannot store). */
export type WriteResult = { ok: true } | { ok: false; reason: string };

export interface BatcherOptions<T> {
  maxRows: number;
  maxMs: number;
  /** Batches written at the same time. */
  concurrency: number;
  /** Rows pending beyond which `space()` makes publishers wait. */
  highWaterRows: number;
  rowsOf(item: T): number;
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
  log: Logger;
}

interface Entry<T> {
  item: T;
  rows: number;
  resolve(r: WriteResult): void;
}

export interface Batcher<T> {
  /** Queues an item; resolves once it is committed (or refused). */
  add(item: T): Promise<WriteResult>;
  /** null when there is room; otherwise resolves once the backlog has halved. */
  space(): Promise<void> | null;
  pendingRows(): number;
  /** Writes everything queued; `deadlineMs` bounds retries of a failing database. */
  drain(deadlineMs: number): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Collects items into batches (flushed at `maxRows` or after `maxMs`) and writes them with bounded
 * concurrency. A connection failure retries the whole batch with backoff — the publishers keep
 * waiting, so nothing is acknowledged that is not in the database; a data error splits the batch
 * and refuses only the item that caused it.
 */
export function createBatcher<T>(o: BatcherOptions<T>): Batcher<T> {
  let current: Entry<T>[] = [];
  let currentRows = 0;
  let timer: NodeJS.Timeout | null = null;
  const sealed: Entry<T>[][] = [];
  let inflight = 0;
  let pending = 0;
  let tail: Promise<void> = Promise.resolve();
  let spaceWaiters: (() => void)[] = [];
  let idleWaiters: (() => void)[] = [];
  let deadline = Number.POSITIVE_INFINITY;

  function seal() {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    if (current.length === 0) return;
    sealed.push(current);
    current = [];
    currentRows = 0;
    pump();
  }

  function pump() {
    while (inflight < o.concurrency && sealed.length > 0) void run(sealed.shift()!);
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
        await sleep(backoff);
        backoff = Math.min(backoff * 2, 5000);
      }
    }
  }

  async function run(batch: Entry<T>[]) {
    inflight++;
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
    pending -= rows;
    inflight--;
    done();
    if (pending < o.highWaterRows / 2 && spaceWaiters.length > 0) {
      const w = spaceWaiters;
      spaceWaiters = [];
      w.forEach((f) => f());
    }
    if (pending === 0 && idleWaiters.length > 0) {
      const w = idleWaiters;
      idleWaiters = [];
      w.forEach((f) => f());
    }
    pump();
  }

  return {
    add(item) {
      const rows = Math.max(1, o.rowsOf(item));
      pending += rows;
      return new Promise<WriteResult>((resolve) => {
        current.push({ item, rows, resolve });
        currentRows += rows;
        if (currentRows >= o.maxRows) seal();
        else if (!timer) timer = setTimeout(seal, o.maxMs);
      });
    },
    space() {
      if (pending < o.highWaterRows) return null;
      return new Promise<void>((r) => spaceWaiters.push(r));
    },
    pendingRows: () => pending,
    async drain(deadlineMs) {
      deadline = Date.now() + deadlineMs;
      seal();
      if (pending === 0) return;
      await new Promise<void>((r) => idleWaiters.push(r));
    },
  };
}

function describe(err: unknown): string {
  const e = err as { message?: string; cause?: { message?: string } };
  return e?.cause?.message ?? e?.message ?? String(err);
}
