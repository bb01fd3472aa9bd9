"use client";

import { Card, CardBody, CardHeader, Skeleton } from "@aspen/ui";
import type { ReactNode } from "react";
import { formatRelative, formatTimestamp } from "@/components/format/dates";
import { QueryError } from "@/components/shell/error-state";
import { useI18n } from "@/i18n/provider";
import { useLatest } from "./latest-values";
import { useNow } from "./use-now";

function Item({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="mt-0.5 text-sm font-medium tabular-nums" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/** Online or not, since when, and how much the device has sent; kept current by the live stream. */
export function LiveStatus({ deviceId }: { deviceId: string }) {
  const { t, locale } = useI18n();
  const latest = useLatest(deviceId);
  const now = useNow(5_000);
  const d = latest.data;
  return (
    <Card data-testid="device-live-status">
      <CardHeader title={t.deviceData.statusTitle} />
      <CardBody>
        {latest.error ? (
          <QueryError error={latest.error} onRetry={() => void latest.refetch()} />
        ) : !d ? (
          <Skeleton className="h-24" />
        ) : (
          <dl className="grid grid-cols-2 gap-4">
            <Item label={t.devices.status} testId="live-online">
              <span
                className={d.online ? "text-emerald-700 dark:text-emerald-400" : "text-zinc-500 dark:text-zinc-400"}
                data-online={d.online}
              >
                {d.enabled ? (d.online ? t.devices.online : t.devices.offline) : t.devices.disabled}
              </span>
            </Item>
            <Item label={t.devices.lastSeen} testId="live-last-seen">
              <span title={d.lastSeenAt ? formatTimestamp(d.lastSeenAt, locale) : undefined}>
                {d.lastSeenAt ? formatRelative(d.lastSeenAt, locale, now) : t.devices.never}
              </span>
            </Item>
            <Item label={t.deviceData.lastConnected}>{d.lastConnectedAt ? formatRelative(d.lastConnectedAt, locale, now) : "—"}</Item>
            <Item label={t.deviceData.messages}>{d.messageCount.toLocaleString(locale)}</Item>
            <Item label={t.deviceData.errors}>{d.errorCount.toLocaleString(locale)}</Item>
          </dl>
        )}
      </CardBody>
    </Card>
  );
}
