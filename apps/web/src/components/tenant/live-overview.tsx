"use client";

import { Card, CardBody, CardHeader, Skeleton } from "@aspen/ui";
import { HistoryChart } from "@aspen/ui/history-chart";
import { useQuery } from "@tanstack/react-query";
import { LiveIndicator } from "@/components/live/live-indicator";
import { useLiveStream } from "@/components/live/use-live-stream";
import { useThrottledInvalidate } from "@/components/live/use-throttled-invalidate";
import { QueryError } from "@/components/shell/error-state";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { useTenant } from "./tenant-context";

/**
 * Devices online out of all, and telemetry messages per minute over the last 10 minutes: online
 * counts follow presence messages live, the message rate is refreshed every 15 seconds.
 */
export function LiveOverview() {
  const { t, format, locale } = useI18n();
  const tenant = useTenant();
  const trpc = useTRPC();
  const invalidate = useThrottledInvalidate(2000);
  const key = trpc.telemetry.overview.queryKey({ tenantSlug: tenant.slug });
  const overview = useQuery({ ...trpc.telemetry.overview.queryOptions({ tenantSlug: tenant.slug }), refetchInterval: 15_000 });
  const live = useLiveStream({
    tenantSlug: tenant.slug,
    types: ["presence"],
    onMessages: () => {
      invalidate(key);
      invalidate(trpc.tenant.overview.queryKey({ tenantSlug: tenant.slug }));
    },
    onResync: () => invalidate(key),
  });
  const d = overview.data;
  const time = new Intl.DateTimeFormat(locale, { timeStyle: "short" });

  return (
    <Card data-testid="live-overview">
      <CardHeader title={t.overview.liveTitle} actions={<LiveIndicator status={live} />} />
      {overview.error ? (
        <QueryError error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <CardBody className="grid gap-6 md:grid-cols-[12rem_minmax(0,1fr)]">
          <div>
            <p className="text-sm text-zinc-500 dark:text-zinc-400">{t.overview.devicesOnline}</p>
            {d ? (
              <p className="mt-1 text-3xl font-semibold tabular-nums" data-testid="overview-online">
                {format(t.overview.onlineOfTotal, { online: d.devices.online, total: d.devices.total })}
              </p>
            ) : (
              <Skeleton className="mt-2 h-8 w-24" />
            )}
            <p className="mt-4 text-sm text-zinc-500 dark:text-zinc-400">{t.overview.messagesPerMinute}</p>
            {d ? (
              <p className="mt-1 text-sm tabular-nums" data-testid="overview-rate">
                {format(t.overview.averagePerMinute, { value: d.averagePerMinute.toLocaleString(locale) })}
              </p>
            ) : (
              <Skeleton className="mt-2 h-5 w-32" />
            )}
          </div>
          <div className="min-w-0">
            <p className="mb-1 text-xs text-zinc-500 dark:text-zinc-400">{t.overview.messagesHint}</p>
            {d ? (
              // The current minute is still filling: drawn dashed after the complete ones, not as a dip.
              <HistoryChart
                height={150}
                testId="overview-chart"
                series={[
                  {
                    key: "messages",
                    label: t.overview.messagesPerMinute,
                    points: d.messagesPerMinute.map((m) => ({ ts: m.minute, avg: m.messages, partial: m.partial })),
                  },
                ]}
                formatTime={(ts) => time.format(ts)}
                partialLabel={t.overview.minuteSoFar}
              />
            ) : (
              <Skeleton className="h-[150px]" />
            )}
          </div>
        </CardBody>
      )}
    </Card>
  );
}
