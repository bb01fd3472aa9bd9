"use client";

import { Button, Popover, SkeletonRows } from "@aspen/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect } from "react";
import { QueryError } from "@/components/shell/error-state";
import { useParams } from "next/navigation";
import { formatRelative } from "@/components/format/dates";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

/** The header's notification centre for the tenant in the URL: unread count, the latest, mark read. */
export function NotificationCentre() {
  const { t, format } = useI18n();
  const n = t.notifications;
  const params = useParams<{ tenant?: string }>();
  const slug = params.tenant;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const unread = useQuery({
    ...trpc.notification.unreadCount.queryOptions({ tenantSlug: slug ?? "" }),
    enabled: !!slug,
    refetchInterval: 10_000,
    retry: false,
  });
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.notification.pathKey() });
  const markRead = useMutation(trpc.notification.markRead.mutationOptions({ onSuccess: invalidate }));
  const markAll = useMutation(trpc.notification.markAllRead.mutationOptions({ onSuccess: invalidate }));
  if (!slug || !unread.isSuccess) return null;
  const count = unread.data.count;
  return (
    <Popover
      align="end"
      testId="notifications"
      label={count ? format(n.open, { n: count }) : n.openNone}
      className="shrink-0"
      panelClassName="w-80 p-0"
      trigger={
        <span className="relative inline-flex size-6 items-center justify-center">
          <svg
            aria-hidden
            viewBox="0 0 24 24"
            className="size-5"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
          >
            <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
            <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
          </svg>
          {count > 0 ? (
            <span
              data-testid="notifications-count"
              className="absolute -top-1 -right-1.5 min-w-4 rounded-full bg-emerald-700 px-1 text-center text-[10px] leading-4 font-semibold text-white"
            >
              {count > 99 ? "99+" : count}
            </span>
          ) : null}
        </span>
      }
    >
      {(close) => (
        <div>
          <div className="flex items-center justify-between border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
            <h2 className="text-sm font-semibold">{n.title}</h2>
            <Button
              variant="ghost"
              size="sm"
              disabled={count === 0 || markAll.isPending}
              onClick={() => markAll.mutate({ tenantSlug: slug })}
            >
              {n.markAllRead}
            </Button>
          </div>
          <NotificationList slug={slug} count={count} close={close} markRead={(id) => markRead.mutate({ tenantSlug: slug, ids: [id] })} />
        </div>
      )}
    </Popover>
  );
}

/** The latest notifications, fetched afresh whenever the panel opens and whenever the unread count changes. */
function NotificationList({
  slug,
  count,
  close,
  markRead,
}: {
  slug: string;
  count: number;
  close: () => void;
  markRead: (id: string) => void;
}) {
  const { t, locale, format } = useI18n();
  const n = t.notifications;
  const trpc = useTRPC();
  const list = useQuery({
    ...trpc.notification.list.queryOptions({ tenantSlug: slug, page: 1, pageSize: 10 }),
    refetchOnMount: "always",
    refetchInterval: 10_000,
  });
  const { refetch } = list;
  useEffect(() => {
    void refetch();
  }, [count, refetch]);
  if (list.isPending) return <SkeletonRows rows={2} label={t.common.loading} />;
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <ul className="max-h-96 overflow-y-auto" data-testid="notifications-list">
      {list.data?.items.length === 0 ? <li className="px-3 py-6 text-center text-sm text-zinc-500">{n.empty}</li> : null}
      {(list.data?.items ?? []).map((item) => (
        <li key={item.id} className="border-b border-zinc-100 px-3 py-2 last:border-0 dark:border-zinc-800">
          <div className="flex items-start gap-2">
            {item.readAt ? null : <span aria-label={n.unread} role="img" className="mt-1.5 size-2 shrink-0 rounded-full bg-emerald-600" />}
            <div className="min-w-0 flex-1">
              <p className="text-sm font-medium break-words">{item.title}</p>
              {item.body ? <p className="text-xs break-words text-zinc-500 dark:text-zinc-400">{item.body}</p> : null}
              <div className="mt-1 flex flex-wrap items-center gap-2 text-xs">
                <span className="text-zinc-400">{formatRelative(item.createdAt, locale)}</span>
                {item.alarmId ? (
                  <Link
                    href={`/t/${slug}/alarms/${item.alarmId}`}
                    className="text-emerald-700 hover:underline dark:text-emerald-400"
                    onClick={() => {
                      if (!item.readAt) markRead(item.id);
                      close();
                    }}
                  >
                    {n.viewAlarm}
                  </Link>
                ) : null}
                {item.readAt ? null : (
                  <button
                    type="button"
                    className="text-zinc-500 hover:underline"
                    aria-label={format(n.markRead, { title: item.title })}
                    onClick={() => markRead(item.id)}
                  >
                    ✓
                  </button>
                )}
              </div>
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
