import { Redis } from "ioredis";
import { getEnv } from "../../env";
import { logger } from "../logger";
import {
  accessChangedMessage,
  parseLivePayload,
  planChangedMessage,
  shareChangedMessage,
  type AccessChangedMessage,
  type PlanChangedMessage,
  type LiveMessage as ChannelMessage,
  type ShareChangedMessage,
} from "@aspen/core";
import type { z } from "zod";

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

export interface ControlWatch {
  /** Resolves once Redis confirmed the control channel's SUBSCRIBE. */
  ready: Promise<void>;
  close(): void;
}

interface Control {
  ready: Promise<void>;
  parse: (raw: unknown) => unknown;
  keyOf: (m: unknown) => string;
  watchers: Map<string, Set<(m: unknown) => void>>;
}

/**
 * One Redis subscriber connection per process for every live stream: a channel is SUBSCRIBEd when
 * its first listener arrives and UNSUBSCRIBEd when its last one leaves, so the broker's PUBLISH
 * receiver count says whether anyone is watching a tenant.
 */
export class LiveHub {
  private readonly channels = new Map<string, { listeners: Set<HubListener>; ready: Promise<void> }>();
  /** Control channels (access changed, share changed): per key, what to run on a message. */
  private readonly controls = new Map<string, Control>();
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
      const control = this.controls.get(channel);
      if (control) return this.controlMessage(control, payload);
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
  watchAccess(channel: string, userId: string, onChange: (m: AccessChangedMessage) => void): ControlWatch {
    return this.watchControl(channel, accessChangedMessage, (m) => m.userId, userId, onChange);
  }

  /** Runs `onChange` whenever the share links of `dashboardId` may have changed (revoked, dashboard edited or deleted). */
  watchShares(channel: string, dashboardId: string, onChange: (m: ShareChangedMessage) => void): ControlWatch {
    return this.watchControl(channel, shareChangedMessage, (m) => m.dashboardId, dashboardId, onChange);
  }

  /** Runs `onChange` for every tenant whose plan changed (one SUBSCRIBE per process). */
  watchPlans(channel: string, onChange: (m: PlanChangedMessage) => void): ControlWatch {
    return this.watchControl(channel, planChangedMessage, () => "*", "*", onChange);
  }

  /**
   * A control channel (JSON messages of `schema`, one SUBSCRIBE per process): `onMessage` runs for
   * each valid message whose `keyOf` is `key`.
   */
  private watchControl<M>(
    channel: string,
    schema: z.ZodType<M>,
    keyOf: (m: M) => string,
    key: string,
    onMessage: (m: M) => void,
  ): ControlWatch {
    let control = this.controls.get(channel);
    if (!control) {
      const ready = this.connection()
        .subscribe(channel)
        .then(() => undefined);
      ready.catch((err: unknown) => logger.error({ err: (err as Error).message, channel }, "live subscriber: SUBSCRIBE (control) failed"));
      control = { ready, parse: (raw) => schema.safeParse(raw).data, keyOf: (m) => keyOf(m as M), watchers: new Map() };
      this.controls.set(channel, control);
    }
    const watchers = control.watchers;
    let set = watchers.get(key);
    if (!set) watchers.set(key, (set = new Set()));
    const fn = onMessage as (m: unknown) => void;
    set.add(fn);
    const entry = set;
    return {
      ready: control.ready,
      close: () => {
        entry.delete(fn);
        if (entry.size === 0 && watchers.get(key) === entry) watchers.delete(key);
      },
    };
  }

  private controlMessage(control: Control, payload: string): void {
    let raw: unknown;
    try {
      raw = JSON.parse(payload);
    } catch {
      return;
    }
    const m = control.parse(raw);
    if (m === undefined) return;
    for (const f of control.watchers.get(control.keyOf(m)) ?? []) {
      try {
        f(m);
      } catch (err) {
        logger.error({ err }, "live control listener failed");
      }
    }
  }

  /** Listeners per channel (for metrics and tests). */
  listenerCount(channel: string): number {
    return this.channels.get(channel)?.listeners.size ?? 0;
  }

  async close(): Promise<void> {
    this.channels.clear();
    this.controls.clear();
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
