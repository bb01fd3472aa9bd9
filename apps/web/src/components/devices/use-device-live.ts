"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useThrottledInvalidate } from "@/components/live/use-throttled-invalidate";
import { useLiveStream, type ConsoleLiveMessage, type LiveStatus } from "@/components/live/use-live-stream";
import { useTenant } from "@/components/tenant/tenant-context";
import { useTRPC } from "@/trpc/react";
import { appendToSeries, applyCommandStatus, applyPresence, applyTelemetryToLatest, lastPresence } from "./live-patches";

type Telemetry = Extract<ConsoleLiveMessage, { type: "telemetry" }>;

/**
 * Keeps every query of the device page current while it is open: latest values, charts, online
 * state and command statuses are patched in the cache from the live stream; lists whose rows carry
 * server-side data (events, commands' timestamps, connections, errors, the shadow) are refetched,
 * at most once a second each.
 */
export function useDeviceLive(deviceId: string, enabled: boolean): LiveStatus {
  const tenant = useTenant();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invalidate = useThrottledInvalidate(1000);
  const input = { tenantSlug: tenant.slug, deviceId };
  const keys = {
    byId: trpc.device.byId.queryKey({ tenantSlug: tenant.slug, id: deviceId }),
    latest: trpc.telemetry.latest.queryKey(input),
    series: trpc.telemetry.series.queryKey(input),
    shadow: trpc.deviceShadow.get.queryKey(input),
    events: trpc.telemetry.events.queryKey(input),
    commands: trpc.command.list.queryKey(input),
    connections: trpc.deviceActivity.connections.queryKey(input),
    errors: trpc.deviceActivity.errors.queryKey(input),
  };

  return useLiveStream({
    tenantSlug: tenant.slug,
    deviceId,
    enabled,
    onMessages: (msgs) => {
      const telemetry = msgs.filter((m): m is Telemetry => m.type === "telemetry");
      if (telemetry.length > 0) {
        queryClient.setQueryData(keys.latest, (old) => (old ? applyTelemetryToLatest(old, telemetry, Date.now()) : old));
        for (const [key, data] of queryClient.getQueriesData({ queryKey: keys.series })) {
          if (data) queryClient.setQueryData(key, appendToSeries(data as Parameters<typeof appendToSeries>[0], telemetry));
        }
      }
      const presence = lastPresence(msgs).get(deviceId);
      if (presence) {
        queryClient.setQueryData(keys.byId, (old) => (old ? applyPresence(old, presence) : old));
        queryClient.setQueryData(keys.latest, (old) => (old ? { ...old, online: old.enabled && presence.online } : old));
        invalidate(keys.connections);
        invalidate(keys.latest);
      }
      if (msgs.some((m) => m.type === "command")) {
        queryClient.setQueriesData({ queryKey: keys.commands }, (old: Parameters<typeof applyCommandStatus>[0] | undefined) =>
          old ? applyCommandStatus(old, msgs) : old,
        );
        invalidate(keys.commands);
      }
      if (msgs.some((m) => m.type === "shadow" || m.type === "desired")) invalidate(keys.shadow);
      if (msgs.some((m) => m.type === "event")) invalidate(keys.events);
      if (msgs.some((m) => m.type === "error")) {
        // Error rows are written up to a second after they are announced.
        setTimeout(() => {
          invalidate(keys.errors);
          invalidate(keys.latest);
        }, 1500);
      }
    },
    onResync: () => {
      for (const key of Object.values(keys)) void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}
