"use client";

import { useEffect, useRef, useState } from "react";
import type { ConsoleLiveMessage, LiveType } from "@/server/live/messages";

export type { ConsoleLiveMessage, LiveType };

/** `open`: subscribed; `connecting`: first attempt; `reconnecting`: lost, retrying; `closed`: refused or revoked. */
export type LiveStatus = "connecting" | "open" | "reconnecting" | "closed";

interface LiveHandlers {
  /** Called with the messages of the last `flushMs` (never per message). */
  onMessages: (messages: ConsoleLiveMessage[]) => void;
  /** Called after a reconnect, or when what the stream shows changed: reload what is shown. */
  onResync: () => void;
  /** Called when the server ended the stream for good (access revoked, share link revoked). */
  onRevoked?: () => void;
  flushMs?: number;
  /** False: no connection (e.g. until the page knows the device exists). Default true. */
  enabled?: boolean;
}

/** The tenant's stream (`/api/live/<tenant>`), for a member of it. */
interface TenantStream {
  tenantSlug: string;
  /** Only this device's messages (`dev_…`). */
  deviceId?: string;
  /** Only these devices' messages (a dashboard's `dev_…` ids). */
  deviceIds?: readonly string[];
  /** Only these kinds of message. */
  types?: readonly LiveType[];
}

/** A share link's stream (`/api/live/share/<token>`): the server picks its dashboard's series. */
interface ShareStream {
  shareToken: string;
}

export type LiveStreamOptions = LiveHandlers & (TenantStream | ShareStream);

function streamUrl(opts: TenantStream | ShareStream): string {
  if ("shareToken" in opts) return `/api/live/share/${encodeURIComponent(opts.shareToken)}`;
  const query = new URLSearchParams();
  if (opts.deviceId) query.set("device", opts.deviceId);
  if (opts.deviceIds?.length) query.set("devices", [...opts.deviceIds].sort().join(","));
  if (opts.types?.length) query.set("types", opts.types.join(","));
  return `/api/live/${encodeURIComponent(opts.tenantSlug)}${query.size ? `?${query}` : ""}`;
}

const maxBackoffMs = 30_000;

/**
 * Subscribes to the tenant's live stream (`/api/live/<tenant>`), or a share link's, while the
 * component is mounted.
 * EventSource retries dropped connections itself; when it gives up (an HTTP error, e.g. the server
 * restarted mid-deploy) this hook reconnects with exponential backoff. Messages are buffered and
 * handed over in batches.
 */
export function useLiveStream(opts: LiveStreamOptions): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const handlers = useRef(opts);
  useEffect(() => {
    handlers.current = opts;
  });
  const flushMs = opts.flushMs ?? 200;
  const enabled = opts.enabled ?? true;
  const url = streamUrl(opts);

  useEffect(() => {
    if (!enabled) return;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let flush: ReturnType<typeof setTimeout> | undefined;
    let buffer: ConsoleLiveMessage[] = [];
    let attempts = 0;
    let everOpen = false;
    let disposed = false;

    const deliver = () => {
      flush = undefined;
      const batch = buffer;
      buffer = [];
      if (batch.length > 0 && !disposed) handlers.current.onMessages(batch);
    };

    const connect = () => {
      source = new EventSource(url);
      source.onmessage = (e: MessageEvent<string>) => {
        try {
          const msgs = JSON.parse(e.data) as ConsoleLiveMessage[];
          if (Array.isArray(msgs)) buffer.push(...msgs);
        } catch {
          return;
        }
        flush ??= setTimeout(deliver, flushMs);
      };
      source.addEventListener("ready", () => {
        attempts = 0;
        setStatus("open");
        if (everOpen) handlers.current.onResync();
        everOpen = true;
      });
      source.addEventListener("resync", () => handlers.current.onResync());
      source.addEventListener("revoked", () => {
        source?.close();
        setStatus("closed");
        handlers.current.onRevoked?.();
      });
      source.onerror = () => {
        if (disposed || !source) return;
        if (source.readyState === EventSource.CONNECTING) {
          setStatus("reconnecting");
          return;
        }
        // Closed for good by the browser (HTTP error or wrong content type): retry ourselves.
        source.close();
        setStatus("reconnecting");
        const delay = Math.min(maxBackoffMs, 1000 * 2 ** attempts) * (0.75 + Math.random() * 0.5);
        attempts++;
        retry = setTimeout(connect, delay);
      };
    };

    connect();
    return () => {
      disposed = true;
      if (retry) clearTimeout(retry);
      if (flush) clearTimeout(flush);
      source?.close();
    };
  }, [url, flushMs, enabled]);

  return status;
}
