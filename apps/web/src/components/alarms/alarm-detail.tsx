"use client";

import { Card, CardBody, CardHeader, EmptyState, SkeletonRows, buttonClasses } from "@aspen/ui";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatDateTime } from "@/components/format/dates";
import { QueryError } from "@/components/shell/error-state";
import { PageHeader } from "@/components/shell/page-header";
import { useCan, useTenant } from "@/components/tenant/tenant-context";
import { useI18n } from "@/i18n/provider";
import { errorData } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import { AlarmActions } from "./alarm-actions";
import { AlarmStatusBadge, SeverityBadge } from "./severity-badge";

const eventLabel = {
  created: "eventCreated",
  acknowledged: "eventAcknowledged",
  cleared: "eventCleared",
  commented: "eventCommented",
} as const;

/** One alarm: what raised it, its state, its timeline, and acknowledge / clear. */
export function AlarmDetail({ id }: { id: string }) {
  const { t, locale, format } = useI18n();
  const a = t.alarms;
  const tenant = useTenant();
  const trpc = useTRPC();
  const canManage = useCan("alert.manage");
  const query = useQuery({ ...trpc.alarm.byId.queryOptions({ tenantSlug: tenant.slug, id }), refetchInterval: 10_000 });
  const back = (
    <Link href={`/t/${tenant.slug}/alarms`} className={buttonClasses({ variant: "secondary" })}>
      {a.back}
    </Link>
  );
  if (query.isPending)
    return (
      <>
        <PageHeader title={a.detail} actions={back} />
        <SkeletonRows rows={6} label={t.common.loading} />
      </>
    );
  if (query.isError) {
    return (
      <>
        <PageHeader title={a.detail} actions={back} />
        {errorData(query.error).code === "NOT_FOUND" || errorData(query.error).code === "BAD_REQUEST" ? (
          <EmptyState title={a.notFound} />
        ) : (
          <QueryError error={query.error} onRetry={() => query.refetch()} />
        )}
      </>
    );
  }
  const { alarm, timeline } = query.data;
  const row = (label: string, value: React.ReactNode) => (
    <div className="flex flex-col gap-0.5 sm:flex-row sm:gap-4">
      <dt className="w-40 shrink-0 text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="min-w-0 break-words">{value}</dd>
    </div>
  );
  return (
    <>
      <PageHeader
        title={alarm.title}
        description={alarm.ruleName}
        actions={
          <>
            {back}
            {canManage ? <AlarmActions id={alarm.id} status={alarm.status} /> : null}
          </>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader
            title={a.detail}
            actions={
              <div className="flex gap-2">
                <SeverityBadge severity={alarm.severity} />
                <AlarmStatusBadge status={alarm.status} />
              </div>
            }
          />
          <CardBody>
            <dl className="space-y-2 text-sm">
              {row(
                a.rule,
                <Link className="text-emerald-700 hover:underline dark:text-emerald-400" href={`/t/${tenant.slug}/alerts/${alarm.ruleId}`}>
                  {alarm.ruleName}
                </Link>,
              )}
              {row(
                a.device,
                <Link
                  className="text-emerald-700 hover:underline dark:text-emerald-400"
                  href={`/t/${tenant.slug}/devices/${alarm.deviceId}`}
                >
                  {alarm.deviceName}
                </Link>,
              )}
              {row(a.count, <span data-testid="alarm-count">{alarm.count}</span>)}
              {row(a.firstSeen, formatDateTime(alarm.firstSeenAt, locale))}
              {row(a.lastSeen, formatDateTime(alarm.lastSeenAt, locale))}
              {alarm.ackComment ? row(a.comment, alarm.ackComment) : null}
              {alarm.clearReason ? row(a.status, alarm.clearReason === "auto" ? a.clearedAuto : a.clearedManual) : null}
            </dl>
            <h3 className="mt-4 mb-1 text-sm font-medium">{a.values}</h3>
            <pre className="overflow-x-auto rounded-md bg-zinc-50 p-2 text-xs dark:bg-zinc-900">
              {JSON.stringify(alarm.values, null, 2)}
            </pre>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={a.timeline} />
          <CardBody>
            <ol className="relative space-y-4 border-l border-zinc-200 pl-4 dark:border-zinc-800" data-testid="alarm-timeline">
              {timeline.map((ev) => (
                <li key={ev.id} className="text-sm">
                  <span
                    aria-hidden
                    className="absolute -left-1.5 mt-1.5 size-3 rounded-full border-2 border-white bg-emerald-600 dark:border-zinc-950"
                  />
                  <p className="font-medium">
                    {a[eventLabel[ev.kind]]}
                    <span className="ml-2 font-normal text-zinc-500 dark:text-zinc-400">{formatDateTime(ev.at, locale)}</span>
                  </p>
                  <p className="text-xs text-zinc-500 dark:text-zinc-400">{ev.userId ? format(a.by, { user: ev.userId }) : a.auto}</p>
                  {ev.comment ? <p className="mt-1 whitespace-pre-wrap">{ev.comment}</p> : null}
                </li>
              ))}
            </ol>
          </CardBody>
        </Card>
      </div>
    </>
  );
}
