"use client";

import { cn } from "@aspen/ui";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useParams } from "next/navigation";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

/** The header's bell for alarms: open alarms of the tenant in the URL, refreshed every 10 s. */
export function AlarmBadge() {
  const { t, format } = useI18n();
  const params = useParams<{ tenant?: string }>();
  const slug = params.tenant;
  const trpc = useTRPC();
  const count = useQuery({
    ...trpc.alarm.activeCount.queryOptions({ tenantSlug: slug ?? "" }),
    enabled: !!slug,
    refetchInterval: 10_000,
    retry: false,
  });
  if (!slug || !count.isSuccess) return null;
  const n = count.data.total;
  const critical = (count.data.bySeverity.critical ?? 0) + (count.data.bySeverity.major ?? 0) > 0;
  return (
    <Link
      href={`/t/${slug}/alarms`}
      aria-label={n ? format(t.alarms.badge, { n }) : t.alarms.badgeNone}
      data-testid="alarm-badge"
      className="relative inline-flex size-9 items-center justify-center rounded-md text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
    >
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
        <path d="M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z" />
        <path d="M12 9v4M12 17h.01" />
      </svg>
      {n > 0 ? (
        <span
          data-testid="alarm-badge-count"
          className={cn(
            "absolute -top-0.5 -right-0.5 min-w-4 rounded-full px-1 text-center text-[10px] leading-4 font-semibold text-white",
            critical ? "bg-red-600" : "bg-amber-600",
          )}
        >
          {n > 99 ? "99+" : n}
        </span>
      ) : null}
    </Link>
  );
}
