"use client";

import type { Severity } from "@aspen/core/browser";
import type { TimeBand } from "@aspen/ui";
import { useQuery } from "@tanstack/react-query";
import { useTenant } from "@/components/tenant/tenant-context";
import { useTRPC } from "@/trpc/react";

const colors: Record<Severity, string> = { critical: "#dc2626", major: "#ea580c", minor: "#d97706", warning: "#ca8a04", info: "#0284c7" };

/**
 * A device's alarms seen since `from`, as chart bands per property: from raised to cleared (or now).
 * An alarm shows on the charts of the values that raised it, or on all when it names none (offline, events);
 * without a property, every alarm (a chart of several properties).
 */
export function useAlarmBands(deviceId: string, from: number, now: number): (property?: string) => TimeBand[] {
  const tenant = useTenant();
  const trpc = useTRPC();
  const alarms = useQuery({
    ...trpc.alarm.list.queryOptions({ tenantSlug: tenant.slug, deviceId, from: new Date(from), page: 1, pageSize: 100 }),
    refetchInterval: 15_000,
    retry: false,
  });
  const items = alarms.data?.items ?? [];
  return (property) =>
    items
      .filter((a) => property === undefined || Object.keys(a.values).length === 0 || property in a.values)
      .map((a) => ({
        from: Math.max(from, a.firstSeenAt.getTime()),
        to: a.clearedAt?.getTime() ?? now,
        color: colors[a.severity],
        label: a.ruleName,
      }));
}
