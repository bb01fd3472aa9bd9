"use client";

import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useState } from "react";
import { useLiveStream, type LiveStatus } from "@/components/live/use-live-stream";
import { useThrottledInvalidate } from "@/components/live/use-throttled-invalidate";
import type { LiveValues } from "./types";

/** The console's (the tenant's stream, filtered to the dashboard's devices) or a share link's (its own stream). */
export type DashboardLiveSource = { tenantSlug: string; deviceIds: readonly string[] } | { shareToken: string };

/**
 * Follows the dashboard's devices live: latest values and online state as they arrive (cards,
 * gauges and states update at once), and the data query refetched at most every 10 s while
 * telemetry flows (charts and counts catch up), after a reconnect and when the stream says what it
 * shows changed (a shared dashboard edited). `onRevoked`: the stream ended for good.
 */
export function useDashboardLive(opts: DashboardLiveSource & { dataKey: QueryKey; enabled?: boolean; onRevoked?: () => void }): {
  live: LiveValues;
  status: LiveStatus;
} {
  const [live, setLive] = useState<LiveValues>({ values: {}, online: {} });
  const invalidate = useThrottledInvalidate(10_000);
  const queryClient = useQueryClient();
  const source =
    "shareToken" in opts
      ? { shareToken: opts.shareToken }
      : { tenantSlug: opts.tenantSlug, deviceIds: opts.deviceIds, types: ["telemetry", "presence"] as const };
  const status = useLiveStream({
    ...source,
    enabled: (opts.enabled ?? true) && ("shareToken" in opts || opts.deviceIds.length > 0),
    onMessages: (messages) => {
      setLive((prev) => {
        const values = { ...prev.values };
        const online = { ...prev.online };
        for (const m of messages) {
          if (m.type === "telemetry") {
            const cur = { ...values[m.deviceId] };
            for (const [k, v] of Object.entries(m.values)) if (!cur[k] || cur[k].ts <= m.ts) cur[k] = { ts: m.ts, value: v };
            values[m.deviceId] = cur;
          } else if (m.type === "presence") {
            online[m.deviceId] = m.online;
          }
        }
        return { values, online };
      });
      invalidate(opts.dataKey);
    },
    // Rare (a reconnect, a shared dashboard edited): reload at once rather than throttled.
    onResync: () => void queryClient.invalidateQueries({ queryKey: opts.dataKey }),
    onRevoked: opts.onRevoked,
  });
  return { live, status };
}
