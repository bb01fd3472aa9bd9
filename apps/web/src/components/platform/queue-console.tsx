"use client";

import { useQuery } from "@tanstack/react-query";
import { parseAsInteger, parseAsString, useQueryStates } from "nuqs";
import { PageHeader } from "@/components/shell/page-header";
import { QueryBody } from "@/components/shell/query-body";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { FailedJobs } from "./failed-jobs";
import { QueueOverview } from "./queue-overview";

/**
 * The platform operators' view of the background queues: depths refreshed every few seconds, and
 * the failed jobs of the chosen queue (`?queue=`; by default the first queue with failures).
 */
export function QueueConsole() {
  const { t } = useI18n();
  const trpc = useTRPC();
  // Choosing another queue starts its failed jobs at page 1 (the pager of FailedJobs reads `failedPage`).
  const [{ queue: chosen }, setUrl] = useQueryStates(
    { queue: parseAsString, failedPage: parseAsInteger },
    { history: "replace", scroll: false },
  );
  const overview = useQuery({ ...trpc.queue.overview.queryOptions(), refetchInterval: 5_000 });
  const queues = overview.data?.queues ?? [];
  const selected = queues.find((q) => q.name === chosen) ?? queues.find((q) => q.failed > 0) ?? queues[0] ?? null;

  return (
    <>
      <PageHeader title={t.platformQueues.title} description={t.platformQueues.subtitle} />
      <QueryBody query={overview} rows={3}>
        {() =>
          selected ? (
            <div className="flex flex-col gap-6">
              <QueueOverview queues={queues} selected={selected.name} onSelect={(name) => void setUrl({ queue: name, failedPage: null })} />
              <FailedJobs key={selected.name} queue={selected.name} failedCount={selected.failed} />
            </div>
          ) : null
        }
      </QueryBody>
    </>
  );
}
