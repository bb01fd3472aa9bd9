/** What the fair queue holds: anything with a fairness key and a row count. */
export interface Queued {
  key: string;
  rows: number;
}

/**
 * Entries queued per key (device) and taken round-robin across keys, so that one key with a
 * backlog of thousands of rows delays another key's entry by at most about one batch. It also
 * counts rows per key from queueing until `settle` (queued or being written: "pending"), and keeps
 * the set of "light" keys — something queued, at most `lightMaxRows` pending — that an express
 * batch may take alone while regular batches work through a backlog.
 */
export class FairQueue<E extends Queued> {
  private readonly queues = new Map<string, E[]>();
  private readonly queuedByKey = new Map<string, number>();
  private readonly pendingByKey = new Map<string, number>();
  private readonly light = new Set<string>();
  private queued = 0;
  private pending = 0;

  constructor(private readonly lightMaxRows: number) {}

  /** Rows queued, not yet taken. */
  get queuedRows(): number {
    return this.queued;
  }

  /** Rows queued or taken and not yet settled. */
  get pendingRows(): number {
    return this.pending;
  }

  /** Whether some light key has something queued. */
  get hasLight(): boolean {
    return this.light.size > 0;
  }

  queuedRowsOf(key: string): number {
    return this.queuedByKey.get(key) ?? 0;
  }

  push(e: E): void {
    const q = this.queues.get(e.key);
    if (q) q.push(e);
    else this.queues.set(e.key, [e]);
    this.queuedByKey.set(e.key, this.queuedRowsOf(e.key) + e.rows);
    this.pendingByKey.set(e.key, (this.pendingByKey.get(e.key) ?? 0) + e.rows);
    this.queued += e.rows;
    this.pending += e.rows;
    this.updateLight(e.key);
  }

  /** Up to `maxRows` (at least one entry), one entry per key per round. */
  takeRoundRobin(maxRows: number): E[] {
    const batch: E[] = [];
    let rows = 0;
    while (rows < maxRows && this.queues.size > 0) {
      for (const [key, q] of this.queues) {
        const e = q.shift()!;
        batch.push(e);
        rows += e.rows;
        this.dequeued(key, q, e.rows);
        if (rows >= maxRows) break;
      }
    }
    return batch;
  }

  /** Everything queued by light keys, up to `maxRows`. */
  takeLight(maxRows: number): E[] {
    const batch: E[] = [];
    let rows = 0;
    for (const key of this.light) {
      const q = this.queues.get(key)!;
      while (q.length > 0 && rows < maxRows) {
        const e = q.shift()!;
        batch.push(e);
        rows += e.rows;
        this.dequeued(key, q, e.rows);
      }
      if (rows >= maxRows) break;
    }
    return batch;
  }

  /** Taken entries are done (written or refused): their rows stop counting as pending. */
  settle(entries: readonly E[]): void {
    for (const e of entries) {
      this.pending -= e.rows;
      const left = this.pendingByKey.get(e.key)! - e.rows;
      if (left <= 0) this.pendingByKey.delete(e.key);
      else this.pendingByKey.set(e.key, left);
      this.updateLight(e.key);
    }
  }

  private dequeued(key: string, q: E[], rows: number): void {
    this.queued -= rows;
    if (q.length === 0) {
      this.queues.delete(key);
      this.queuedByKey.delete(key);
      this.light.delete(key);
    } else {
      this.queuedByKey.set(key, this.queuedByKey.get(key)! - rows);
    }
  }

  private updateLight(key: string): void {
    if (this.queues.has(key) && (this.pendingByKey.get(key) ?? 0) <= this.lightMaxRows) this.light.add(key);
    else this.light.delete(key);
  }
}
