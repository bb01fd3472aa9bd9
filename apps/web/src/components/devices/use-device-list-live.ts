"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useThrottledInvalidate } from "@/components/live/use-throttled-invalidate";
import { useLiveStream, type LiveStatus } from "@/components/live/use-live-stream";
import { useTenant } from "@/components/tenant/tenant-context";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";
import { applyPresence, lastPresence } from "./live-patches";

type DevicePage = RouterOutputs["device"]["list"];

/**
 * Online state of the listed devices, live: rows are patched from presence messages; a list filtered
 * by status is refetched (a device may have left or joined it), at most once a second.
 */
export function useDeviceListLive(filteredByStatus: boolean): LiveStatus {
  const tenant = useTenant();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invalidate = useThrottledInvalidate(1000);
  return useLiveStream({
    tenantSlug: tenant.slug,
    types: ["presence"],
    onMessages: (msgs) => {
      const changed = lastPresence(msgs);
      if (changed.size === 0) return;
      queryClient.setQueriesData<DevicePage>({ queryKey: trpc.device.list.queryKey({ tenantSlug: tenant.slug }) }, (old) =>
        old ? { ...old, items: old.items.map((d) => (changed.has(d.id) ? applyPresence(d, changed.get(d.id)!) : d)) } : old,
      );
      if (filteredByStatus) invalidate(trpc.device.list.queryKey({ tenantSlug: tenant.slug }));
      invalidate(trpc.tenant.overview.queryKey({ tenantSlug: tenant.slug }));
    },
    onResync: () => void queryClient.invalidateQueries({ queryKey: trpc.device.list.queryKey({ tenantSlug: tenant.slug }) }),
  });
}
