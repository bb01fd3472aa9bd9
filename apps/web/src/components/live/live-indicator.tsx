"use client";

import { cn } from "@aspen/ui";
import { useI18n } from "@/i18n/provider";
import type { LiveStatus } from "./use-live-stream";

const dot: Record<LiveStatus, string> = {
  open: "bg-emerald-500",
  connecting: "bg-zinc-400",
  reconnecting: "bg-amber-500 animate-pulse",
  closed: "bg-red-500",
};

/** Whether live updates are flowing: a dot and a word, e.g. "Live" or "Reconnecting…". */
export function LiveIndicator({ status, className }: { status: LiveStatus; className?: string }) {
  const { t } = useI18n();
  return (
    <span
      className={cn("inline-flex items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400", className)}
      data-testid="live-indicator"
      data-state={status}
      title={t.live.hint}
    >
      <span aria-hidden className={cn("size-2 rounded-full", dot[status])} />
      {t.live[status]}
    </span>
  );
}
