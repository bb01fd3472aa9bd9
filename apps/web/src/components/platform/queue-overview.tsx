"use client";

import { Badge, Card, cn } from "@aspen/ui";
import { useI18n } from "@/i18n/provider";

export interface QueueDepth {
  name: string;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
  paused: boolean;
}

const counts = ["waiting", "active", "delayed", "failed", "completed"] as const;

/** One card per queue with its five counts; choosing a card shows that queue's failed jobs. */
export function QueueOverview({
  queues,
  selected,
  onSelect,
}: {
  queues: QueueDepth[];
  selected: string;
  onSelect: (name: string) => void;
}) {
  const { t } = useI18n();
  return (
    <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label={t.platformQueues.queues} data-testid="queue-overview">
      {queues.map((q) => (
        <li key={q.name}>
          <Card className={cn("h-full", q.name === selected && "ring-2 ring-emerald-500")}>
            <button
              type="button"
              className="block w-full rounded-lg p-3 text-left focus-visible:ring-2 focus-visible:ring-emerald-500 focus-visible:outline-none"
              aria-pressed={q.name === selected}
              onClick={() => onSelect(q.name)}
              data-testid={`queue-${q.name}`}
            >
              <span className="flex items-center justify-between gap-2">
                <span className="font-mono text-sm font-semibold text-zinc-900 dark:text-zinc-100">{q.name}</span>
                {q.paused ? <Badge tone="amber">{t.platformQueues.paused}</Badge> : null}
              </span>
              <dl className="mt-2 grid grid-cols-5 gap-1 text-center">
                {counts.map((c) => (
                  <div key={c} className="min-w-0">
                    <dt className="truncate text-[11px] text-zinc-500 dark:text-zinc-400">{t.platformQueues[c]}</dt>
                    <dd
                      className={cn(
                        "font-mono text-sm tabular-nums",
                        c === "failed" && q.failed > 0
                          ? "font-semibold text-red-700 dark:text-red-400"
                          : "text-zinc-900 dark:text-zinc-100",
                      )}
                      data-testid={`queue-${q.name}-${c}`}
                    >
                      {q[c]}
                    </dd>
                  </div>
                ))}
              </dl>
            </button>
          </Card>
        </li>
      ))}
    </ul>
  );
}
