"use client";

import { Button, Card, CardHeader, ConfirmDialog } from "@aspen/ui";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { serverErrorText } from "@/components/forms/server-errors";
import { formatDateTime } from "@/components/format/dates";
import { PagedTable } from "@/components/shell/paged-table";
import { useUrlPager } from "@/components/shell/url-state";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

/** The failed jobs of one queue, newest first, paged; retry one, or all after confirming. */
export function FailedJobs({ queue, failedCount }: { queue: string; failedCount: number }) {
  const { t, format, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pager = useUrlPager({ prefix: "failed", defaultSize: 20, sizes: [20, 50, 100] });
  const [confirmAll, setConfirmAll] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const jobs = useQuery({
    ...trpc.queue.failed.queryOptions({ queue, page: pager.page, pageSize: pager.pageSize }),
    placeholderData: keepPreviousData,
    refetchInterval: 5_000,
  });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.queue.failed.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.queue.overview.queryKey() }),
    ]);
  const retry = useMutation(
    trpc.queue.retry.mutationOptions({
      onSuccess: async (r) => {
        setConfirmAll(false);
        setNotice(format(t.platformQueues.retried, { count: r.retried }));
        await refresh();
      },
    }),
  );
  const total = jobs.data?.total ?? failedCount;
  const pendingId = retry.isPending ? (retry.variables?.jobId ?? "*") : null;

  return (
    <Card>
      <CardHeader
        title={format(t.platformQueues.failedJobsOf, { queue })}
        actions={
          <Button
            variant="secondary"
            size="sm"
            disabled={total === 0 || retry.isPending}
            onClick={() => {
              retry.reset();
              setConfirmAll(true);
            }}
            data-testid="queue-retry-all"
          >
            {t.platformQueues.retryAll}
          </Button>
        }
      />
      <div aria-live="polite" className="px-4 empty:hidden" data-testid="queue-notice">
        {notice ? <p className="py-2 text-sm text-emerald-700 dark:text-emerald-400">{notice}</p> : null}
        {retry.error && !confirmAll ? (
          <p role="alert" className="py-2 text-sm text-red-700 dark:text-red-400">
            {serverErrorText(retry.error, t)}
          </p>
        ) : null}
      </div>
      <PagedTable
        query={jobs}
        pager={pager}
        name={t.platformQueues.failedJobs}
        tableTestId="failed-jobs-table"
        rowTestId={() => "failed-job-row"}
        rowData={(j) => ({ "data-job-id": j.id })}
        empty={{ title: t.platformQueues.empty, hint: t.platformQueues.emptyHint, testId: "failed-jobs-empty" }}
        columns={[
          {
            header: t.platformQueues.job,
            className: "max-w-[9rem] sm:max-w-[12rem]",
            cell: (j) => (
              <>
                <span className="block truncate font-mono text-xs font-medium text-zinc-900 dark:text-zinc-100">{j.name}</span>
                <span className="block truncate font-mono text-xs text-zinc-500 dark:text-zinc-400" title={j.id}>
                  {j.id}
                </span>
                <span className="block text-xs text-zinc-500 md:hidden dark:text-zinc-400">
                  {formatDateTime(j.failedAt, locale)} · {t.platformQueues.attempts} {j.attemptsMade}
                </span>
              </>
            ),
          },
          {
            header: t.platformQueues.reason,
            className: "max-w-[24rem]",
            cell: (j) => (
              <details>
                <summary className="cursor-pointer text-sm break-words text-red-700 dark:text-red-400" data-testid="failed-job-reason">
                  {j.failedReason || "—"}
                </summary>
                <pre
                  className="mt-1 max-h-48 overflow-auto rounded bg-zinc-50 p-2 font-mono text-xs whitespace-pre-wrap dark:bg-zinc-950"
                  tabIndex={0}
                  aria-label={`${t.platformQueues.data} ${j.id}`}
                >
                  {JSON.stringify(j.data, null, 2)}
                </pre>
              </details>
            ),
          },
          {
            header: t.platformQueues.attempts,
            className: "hidden font-mono text-sm tabular-nums md:table-cell",
            cell: (j) => <span data-testid="failed-job-attempts">{j.attemptsMade}</span>,
          },
          {
            header: t.platformQueues.failedAt,
            className: "hidden whitespace-nowrap text-zinc-500 md:table-cell dark:text-zinc-400",
            cell: (j) => formatDateTime(j.failedAt, locale),
          },
          {
            header: <span className="sr-only">{t.common.actions}</span>,
            // `relative` keeps the screen-reader-only label inside the table's scroller on narrow screens.
            className: "relative text-right",
            cell: (j) => (
              <Button
                variant="secondary"
                size="sm"
                aria-label={format(t.platformQueues.retryJob, { id: j.id })}
                disabled={retry.isPending}
                loading={pendingId === j.id}
                onClick={() => {
                  setNotice(null);
                  retry.mutate({ queue, jobId: j.id });
                }}
                data-testid="failed-job-retry"
              >
                {t.platformQueues.retry}
              </Button>
            ),
          },
        ]}
      />
      <ConfirmDialog
        open={confirmAll}
        onClose={() => {
          setConfirmAll(false);
          retry.reset();
        }}
        onConfirm={() => {
          setNotice(null);
          retry.mutate({ queue });
        }}
        title={format(t.platformQueues.retryAllTitle, { queue })}
        description={format(t.platformQueues.retryAllBody, { count: total })}
        confirmLabel={t.platformQueues.retryAll}
        cancelLabel={t.common.cancel}
        tone="primary"
        pending={retry.isPending}
        error={retry.error ? serverErrorText(retry.error, t) : undefined}
        testId="queue-retry-all-dialog"
      />
    </Card>
  );
}
