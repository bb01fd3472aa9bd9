"use client";

import type { QueryKey } from "@tanstack/react-query";
import { useState } from "react";
import { useLiveStream, type LiveStatus } from "@/components/live/use-live-stream";
import { useThrottledInvalidate } from "@/components/live/use-throttled-invalidate";
import type { LiveValues } from "./types";

/**
 * Follows the dashboard's devices on the tenant's live stream: latest values and online state as
 * they arrive (cards, gauges and states update at once), and the data query refetched at most every
 * 10 s while telemetry flows (charts and counts catch up), and after a reconnect.
 */
export function useDashboardLive(opts: { tenantSlug: string; deviceIds: readonly string[]; dataKey: QueryKey }): {
  live: LiveValues;
  status: LiveStatus;
} {
  const [live, setLive] = useState<LiveValues>({ values: {}, online: {} });
  const invalidate = useThrottledInvalidate(10_000);
  const status = useLiveStream({
    tenantSlug: opts.tenantSlug,
    deviceIds: opts.deviceIds,
    types: ["telemetry", "presence"],
    enabled: opts.deviceIds.length > 0,
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
    onResync: () => invalidate(opts.dataKey),
  });
  return { live, status };
}
