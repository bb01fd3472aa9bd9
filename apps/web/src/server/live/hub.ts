import { Redis } from "ioredis";
import { getEnv } from "../../env";
import { logger } from "../logger";
import { accessChangedMessage, parseLivePayload, type AccessChangedMessage, type LiveMessage as ChannelMessage } from "@aspen/core";

export interface HubListener {
  /** The valid messages of one PUBLISH (parsed once for all listeners of the channel). */
  message(messages: readonly ChannelMessage[]): void;
  /** Redis reconnected: messages may have been missed in between. */
  resync(): void;
}

export interface HubSubscription {
  /** Resolves once Redis confirmed the SUBSCRIBE (immediately when the channel was already subscribed). */
  ready: Promise<void>;
  close(): void;
}

/**
 * One Redis subscriber connection per process for every live stream: a channel is SUBSCRIBEd when
 * its first listener arrives and UNSUBSCRIBEd when its last one leaves, so the broker's PUBLISH
 * receiver count says whether anyone is watching a tenant.
 */
export class LiveHub {
  private readonly channels = new Map<string, { listeners: Set<HubListener>; ready: Promise<void> }>();
  /** Per user, what to run when their access changed (redisKeys().accessChanged). */
  private readonly access = new Map<string, Set<(m: AccessChangedMessage) => void>>();
  private accessChannel: string | undefined;
  private accessReady: Promise<void> | undefined;
  private sub: Redis | undefined;
  private connectedOnce = false;

  constructor(private readonly url: string) {}

  private connection(): Redis {
    if (this.sub) return this.sub;
    // A subscriber connection cannot run other commands; reconnects resubscribe on their own (autoResubscribe).
    const sub = new Redis(this.url, { maxRetriesPerRequest: null, enableOfflineQueue: true, lazyConnect: false });
    sub.on("error", (err) => logger.warn({ err: err.message }, "live subscriber: redis connection error"));
    sub.on("ready", () => {
      if (this.connectedOnce) {
        logger.info({ channels: this.channels.size }, "live subscriber reconnected");
        for (const c of this.channels.values()) for (const l of c.listeners) l.resync();
      }
      this.connectedOnce = true;
    });
    sub.on("message", (channel: string, payload: string) => {
      if (channel === this.accessChannel) return this.accessChanged(payload);
      const c = this.channels.get(channel);
      if (!c) return;
      const messages = parseLivePayload(payload);
      if (messages.length === 0) return;
      for (const l of c.listeners) {
        try {
          l.message(messages);
        } catch (err) {
          logger.error({ err }, "live listener failed");
        }
      }
    });
    this.sub = sub;
    return sub;
  }

  subscribe(channel: string, listener: HubListener): HubSubscription {
    let c = this.channels.get(channel);
    if (!c) {
      const ready = this.connection()
        .subscribe(channel)
        .then(() => undefined);
      ready.catch((err: unknown) => logger.error({ err: (err as Error).message }, "live subscriber: SUBSCRIBE failed"));
      c = { listeners: new Set(), ready };
      this.channels.set(channel, c);
    }
    c.listeners.add(listener);
    const entry = c;
    let closed = false;
    return {
      ready: entry.ready,
      close: () => {
        if (closed) return;
        closed = true;
        entry.listeners.delete(listener);
        if (entry.listeners.size > 0 || this.channels.get(channel) !== entry) return;
        this.channels.delete(channel);
        // Commands on one connection run in order: a later SUBSCRIBE of the same channel follows this.
        this.sub
          ?.unsubscribe(channel)
          .catch((err: unknown) => logger.warn({ err: (err as Error).message }, "live subscriber: UNSUBSCRIBE failed"));
      },
    };
  }

  /**
   * Runs `onChange` whenever `userId`'s access may have changed (one SUBSCRIBE per process, to
   * `channel`). `ready` resolves once Redis confirmed the subscription.
   */
  watchAccess(channel: string, userId: string, onChange: (m: AccessChangedMessage) => void): { ready: Promise<void>; close(): void } {
    if (this.accessChannel === undefined) {
      this.accessChannel = channel;
      this.accessReady = this.connection()
        .subscribe(channel)
        .then(() => undefined);
      this.accessReady.catch((err: unknown) => logger.error({ err: (err as Error).message }, "live subscriber: SUBSCRIBE (access) failed"));
    }
    let set = this.access.get(userId);
    if (!set) this.access.set(userId, (set = new Set()));
    set.add(onChange);
    const entry = set;
    return {
      ready: this.accessReady!,
      close: () => {
        entry.delete(onChange);
        if (entry.size === 0 && this.access.get(userId) === entry) this.access.delete(userId);
      },
    };
  }

  private accessChanged(payload: string): void {
    let parsed: ReturnType<typeof accessChangedMessage.safeParse>;
    try {
      parsed = accessChangedMessage.safeParse(JSON.parse(payload));
    } catch {
      return;
    }
    if (!parsed.success) return;
    for (const f of this.access.get(parsed.data.userId) ?? []) {
      try {
        f(parsed.data);
      } catch (err) {
        logger.error({ err }, "live access listener failed");
      }
    }
  }

  /** Listeners per channel (for metrics and tests). */
  listenerCount(channel: string): number {
    return this.channels.get(channel)?.listeners.size ?? 0;
  }

  async close(): Promise<void> {
    this.channels.clear();
    this.access.clear();
    const sub = this.sub;
    this.sub = undefined;
    await sub?.quit().catch(() => sub.disconnect());
  }
}

const g = globalThis as unknown as { __aspenLiveHub?: LiveHub };

/** The process's live hub (created on first use). */
export function getLiveHub(): LiveHub {
  g.__aspenLiveHub ??= new LiveHub(getEnv().REDIS_URL);
  return g.__aspenLiveHub;
}
