import { json } from "../device-api/http";
import { logger } from "../logger";
import { metrics } from "../metrics";
import type { ControlWatch, LiveHub } from "./hub";
import type { ChannelMessage } from "./messages";

/** What a re-check found: go on; access ended (close); what the stream shows changed (the browser reloads it). */
export type LiveCheck = "ok" | "revoked" | "changed";

export interface LiveEventStreamOptions {
  req: Request;
  hub: LiveHub;
  /** The tenant's live channel (`redisKeys().live`). */
  channel: string;
  /** What one PUBLISH's messages become for this stream (nothing is sent when empty). */
  select: (messages: readonly ChannelMessage[]) => readonly unknown[];
  /** Re-checks that the reader may still read, and whether what they watch changed. */
  check: () => Promise<LiveCheck>;
  /** Subscribes to the announcements after which `check` should run at once (every web instance hears them). */
  watch: (recheck: () => void) => ControlWatch;
  /** `check` also runs this often, in case an announcement was lost. */
  recheckMs: number;
  /** Comment line sent this often so proxies and the browser keep the connection (default 15 s). */
  heartbeatMs?: number;
  /** Context for log lines (ids only, never a secret). */
  log: Record<string, unknown>;
  /** Runs once when the stream ends, however it ends. */
  onClose?: () => void;
}

/** `{"error":{code,message,details}}` with `status`, as the REST API answers. */
export const liveError = (status: number, code: string, message: string, details: unknown = null) =>
  json({ error: { code, message, details } }, status);

/** Slow readers are cut off rather than buffered without end (chunks waiting in the stream). */
const maxQueuedChunks = 1000;

/**
 * A tenant channel as server-sent events, shared by the console's and the share links' streams:
 * `data:` = JSON array of what `select` returns; `event: ready` once subscribed (channel and
 * announcements), `event: resync` after Redis reconnected or when `check` says "changed",
 * `event: revoked` before closing when `check` says access ended. One Redis subscription per
 * channel per process (LiveHub); heartbeats; slow readers cut off.
 */
export function liveEventStream(opts: LiveEventStreamOptions): Response {
  const { req, hub } = opts;
  const encoder = new TextEncoder();
  let stop = () => {};

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let stopped = false;
      const timers: ReturnType<typeof setInterval>[] = [];
      const onStop: (() => void)[] = [];
      const send = (chunk: string) => {
        if (stopped) return;
        if ((controller.desiredSize ?? 0) < -maxQueuedChunks) {
          logger.warn(opts.log, "live stream reader too slow: closing it");
          stop();
          return;
        }
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          stop();
        }
      };
      const subscription = hub.subscribe(opts.channel, {
        message: (messages) => {
          const msgs = opts.select(messages);
          if (msgs.length > 0) send(`data: ${JSON.stringify(msgs)}\n\n`);
        },
        resync: () => send("event: resync\ndata: {}\n\n"),
      });
      metrics().liveStreams.inc();
      stop = () => {
        if (stopped) return;
        stopped = true;
        for (const t of timers) clearInterval(t);
        for (const f of onStop) f();
        subscription.close();
        metrics().liveStreams.dec();
        req.signal.removeEventListener("abort", stop);
        try {
          controller.close();
        } catch {
          /* already closed or cancelled */
        }
        opts.onClose?.();
      };
      req.signal.addEventListener("abort", stop);
      if (req.signal.aborted) return stop();

      send("retry: 3000\n: connected\n\n");
      timers.push(setInterval(() => send(": ping\n\n"), opts.heartbeatMs ?? 15_000));
      // A long-lived stream must end when access ends: checked at once when a change is announced
      // over Redis, and every `recheckMs` in case that message was lost.
      let checking = false;
      let again = false;
      const recheck = () => {
        if (stopped) return;
        // A change announced while a check runs may not be seen by it: check once more after it.
        if (checking) return void (again = true);
        checking = true;
        void (async () => {
          const found = await opts.check();
          if (found === "ok") return;
          if (found === "changed") return send("event: resync\ndata: {}\n\n");
          send("event: revoked\ndata: {}\n\n");
          stop();
        })()
          .catch((err: unknown) => logger.warn({ ...opts.log, err: (err as Error).message }, "live stream: access re-check failed"))
          .finally(() => {
            checking = false;
            if (again) {
              again = false;
              recheck();
            }
          });
      };
      const watch = opts.watch(recheck);
      onStop.push(() => watch.close());
      timers.push(setInterval(recheck, opts.recheckMs));
      Promise.all([subscription.ready, watch.ready]).then(
        () => send("event: ready\ndata: {}\n\n"),
        () => stop(),
      );
    },
    cancel() {
      stop();
    },
  });

  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform keeps compression (Next's and proxies') from buffering the stream.
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
