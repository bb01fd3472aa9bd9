import type { Logger } from "pino";

export interface DatabaseHealth {
  /** True from a failure that says the database is unreachable until it answers again. */
  down: () => boolean;
  /** Reports a failed write or query; only connection-class errors mark the database down. */
  failed: (err: unknown) => void;
  /** Resolves once the database answers again after being down (never while it is up). */
  recovered: () => Promise<void>;
  /**
   * Runs `fn`; while it fails because the database is unreachable, runs it again once the database
   * answers (for at most `maxMs`). For writes that must not be lost to an outage, such as a disconnect.
   */
  retry: <T>(fn: () => Promise<T>, maxMs?: number) => Promise<T>;
  stop: () => void;
}

// postgres.js' own connection errors, and SQLSTATE classes 08 (connection exception) and 57P0x
// (admin / crash shutdown, cannot connect now: the server is stopping or starting).
const clientCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

/** Whether an error means the database cannot be reached (as opposed to refusing a statement). */
export function isUnavailable(err: unknown): boolean {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (typeof e.code !== "string") continue;
    if (clientCodes.has(e.code) || /^08/.test(e.code) || /^57P0/.test(e.code)) return true;
  }
  return false;
}

/**
 * Whether PostgreSQL is reachable, as the ingest path last saw it. While it is down the broker refuses
 * new connections (CONNACK 3), sheds publishes beyond its buffer by closing their connections
 * unacknowledged, and probes every `probeMs`; the first answer wakes the waiting batch writes, so
 * ingest resumes within about one probe of the database coming back.
 */
export function createDatabaseHealth(deps: {
  ping: () => Promise<void>;
  log: Logger;
  probeMs?: number;
  onChange?(down: boolean): void;
}): DatabaseHealth {
  const probeMs = deps.probeMs ?? 250;
  let isDown = false;
  let since = 0;
  let timer: NodeJS.Timeout | null = null;
  let waiters: (() => void)[] = [];
  let probing = false;

  function up() {
    isDown = false;
    if (timer) clearInterval(timer);
    timer = null;
    deps.log.warn({ downForMs: Date.now() - since }, "database reachable again: accepting connections, writing the buffered messages");
    deps.onChange?.(false);
    const w = waiters;
    waiters = [];
    w.forEach((f) => f());
  }

  async function probe() {
    if (probing || !isDown) return;
    probing = true;
    try {
      await deps.ping();
      if (isDown) up();
    } catch {
      // still down
    } finally {
      probing = false;
    }
  }

  let stopped = false;
  const api: DatabaseHealth = {
    down: () => isDown,
    failed(err) {
      if (isDown || !isUnavailable(err)) return;
      isDown = true;
      since = Date.now();
      deps.log.error(
        { err },
        "database unreachable: holding acknowledgements, refusing new connections (CONNACK 3) and shedding publishes beyond the buffer",
      );
      deps.onChange?.(true);
      timer = setInterval(() => void probe(), probeMs);
      timer.unref();
    },
    recovered() {
      if (!isDown) return new Promise<void>(() => {});
      return new Promise<void>((r) => waiters.push(r));
    },
    async retry(fn, maxMs = 10 * 60_000) {
      const end = Date.now() + maxMs;
      for (;;) {
        try {
          return await fn();
        } catch (err) {
          if (!isUnavailable(err) || stopped || Date.now() > end) throw err;
          api.failed(err);
          await Promise.race([api.recovered(), new Promise((r) => setTimeout(r, 2000).unref())]);
        }
      }
    },
    stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      const w = waiters;
      waiters = [];
      w.forEach((f) => f());
    },
  };
  return api;
}
