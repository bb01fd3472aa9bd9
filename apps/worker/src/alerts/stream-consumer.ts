import type { Redis } from "ioredis";
import type { Logger } from "pino";

export type StreamEntry = [id: string, fields: string[]];

export interface StreamConsumerOptions {
  redis: Redis;
  stream: string;
  group: string;
  consumer: string;
  count: number;
  claimIdleMs: number;
  blockMs?: number;
  /**
   * After a read that was not full, the next new read starts at least this long after it (ms): entries gather into
   * fewer, larger reads, whose per-device work (shared windows, ruling out idle rules) is then shared by more points.
   * A full read (a worker behind) is followed at once. Adds at most this much to alarm latency.
   */
  lingerMs?: number;
  log: Logger;
  /**
   * Processes the entries of one read together, in order (a worker that lags behind evaluates many entries per
   * state load and write); they are XACKed only after it resolves. Throwing leaves them pending (retried).
   */
  handle: (entries: StreamEntry[]) => Promise<void>;
}

/**
 * Reads a Redis Stream in a consumer group: first this consumer's own pending entries (left by a
 * crash or a failed attempt), then entries other consumers left pending too long (XAUTOCLAIM), then
 * new ones. The entries of a read are handled together, in order, and acknowledged after their effects are durable.
 */
export function createStreamConsumer(o: StreamConsumerOptions) {
  let running = false;
  let loop: Promise<void> | undefined;
  let lastClaim = 0;
  let lastFresh = { at: 0, full: true };

  async function ensureGroup() {
    try {
      await o.redis.xgroup("CREATE", o.stream, o.group, "0", "MKSTREAM");
    } catch (err) {
      if (!String((err as Error).message).includes("BUSYGROUP")) throw err;
    }
  }

  async function handleAll(entries: StreamEntry[]): Promise<void> {
    if (!running || entries.length === 0) return;
    // Entries trimmed away while pending come back without fields: nothing left to evaluate.
    const live = entries.filter(([, fields]) => Boolean(fields));
    if (live.length) await o.handle(live);
    await o.redis.xack(o.stream, o.group, ...entries.map(([id]) => id));
  }

  async function round(): Promise<void> {
    const own = (await o.redis.xreadgroup("GROUP", o.group, o.consumer, "COUNT", o.count, "STREAMS", o.stream, "0")) as
      [string, StreamEntry[]][] | null;
    const mine = own?.[0]?.[1] ?? [];
    if (mine.length) {
      await handleAll(mine);
      return;
    }
    if (Date.now() - lastClaim > Math.min(o.claimIdleMs, 5000)) {
      lastClaim = Date.now();
      const [, claimed] = (await o.redis.xautoclaim(o.stream, o.group, o.consumer, o.claimIdleMs, "0-0", "COUNT", o.count)) as [
        string,
        StreamEntry[],
      ];
      if (claimed.length) {
        o.log.info({ count: claimed.length }, "claimed ingest entries another worker left pending");
        await handleAll(claimed);
        return;
      }
    }
    const wait = lastFresh.full ? 0 : (o.lingerMs ?? 0) - (Date.now() - lastFresh.at);
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (!running) return;
    const at = Date.now();
    const fresh = (await o.redis.xreadgroup(
      "GROUP",
      o.group,
      o.consumer,
      "COUNT",
      o.count,
      "BLOCK",
      o.blockMs ?? 1000,
      "STREAMS",
      o.stream,
      ">",
    )) as [string, StreamEntry[]][] | null;
    const got = fresh?.[0]?.[1] ?? [];
    lastFresh = { at, full: got.length >= o.count };
    await handleAll(got);
  }

  return {
    async start() {
      await ensureGroup();
      running = true;
      loop = (async () => {
        while (running) {
          try {
            await round();
          } catch (err) {
            if (!running) break;
            o.log.error({ err: (err as Error).message }, "ingest stream round failed; retrying");
            await new Promise((r) => setTimeout(r, 1000));
          }
        }
      })();
    },
    /** Stops after the entries being handled (their effects committed and acknowledged); leaves the group if nothing is pending. */
    async stop() {
      running = false;
      await loop;
      try {
        const pending = await o.redis.xpending(o.stream, o.group, "-", "+", 1, o.consumer);
        // Consumer names carry the pid: without this the group would collect one per restart.
        if (pending.length === 0) await o.redis.xgroup("DELCONSUMER", o.stream, o.group, o.consumer);
      } catch {
        // Best effort: a leftover consumer name with nothing pending is harmless.
      }
    },
    isRunning: () => running,
  };
}
