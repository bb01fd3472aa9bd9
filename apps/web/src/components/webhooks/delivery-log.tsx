"use client";

import { Badge, Button, Card, CardHeader, EmptyState, Pagination, SkeletonRows, type BadgeTone } from "@aspen/ui";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { formatDateTime } from "@/components/format/dates";
import { QueryError } from "@/components/shell/error-state";
import { usePaginationLabels } from "@/components/shell/pagination-labels";
import { useTenant } from "@/components/tenant/tenant-context";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

const tones: Record<"pending" | "delivered" | "retrying" | "failed", BadgeTone> = {
  pending: "neutral",
  delivered: "green",
  retrying: "amber",
  failed: "red",
};

function Pre({ children, label }: { children: ReactNode; label: string }) {
  return (
    <div>
      <p className="mb-0.5 text-xs font-medium text-zinc-500 dark:text-zinc-400">{label}</p>
      <pre className="max-h-48 overflow-auto rounded bg-zinc-50 p-2 text-xs break-all whitespace-pre-wrap dark:bg-zinc-900">{children}</pre>
    </div>
  );
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** An endpoint's deliveries, newest first; each opens to every attempt, and can be replayed. */
export function DeliveryLog({ endpointId, actions }: { endpointId: string; actions?: ReactNode }) {
  const { t, locale, format } = useI18n();
  const w = t.webhooks;
  const tenant = useTenant();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const labels = usePaginationLabels();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [replayed, setReplayed] = useState<string | null>(null);
  const log = useQuery({
    ...trpc.webhook.deliveries.queryOptions({ tenantSlug: tenant.slug, id: endpointId, page, pageSize }),
    placeholderData: keepPreviousData,
    refetchInterval: 5_000,
  });
  const replay = useMutation(
    trpc.webhook.replay.mutationOptions({
      onSuccess: async (res) => {
        setReplayed(res.deliveryId);
        await queryClient.invalidateQueries({ queryKey: trpc.webhook.deliveries.pathKey() });
      },
    }),
  );
  return (
    <Card data-testid="delivery-log">
      <CardHeader title={w.deliveries} actions={actions} />
      {log.isPending ? (
        <SkeletonRows rows={3} label={t.common.loading} />
      ) : log.error ? (
        <QueryError error={log.error} onRetry={() => log.refetch()} />
      ) : log.data.total === 0 ? (
        <EmptyState title={w.deliveriesEmpty} description={w.deliveriesHint} testId="deliveries-empty" />
      ) : (
        <>
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {log.data.items.map((d) => (
              <li key={d.id} className="px-4 py-3" data-testid="delivery">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-mono text-sm">{d.eventType}</span>
                  <Badge tone={tones[d.status]} data-testid="delivery-status">
                    {t.deliveryStatus[d.status]}
                  </Badge>
                  {d.lastStatus !== null ? <Badge>HTTP {d.lastStatus}</Badge> : null}
                  <span className="text-xs text-zinc-500">
                    {w.attempts}: {d.attempts}
                  </span>
                  <span className="text-xs text-zinc-500">{formatDateTime(d.createdAt, locale)}</span>
                  <Button
                    variant="secondary"
                    size="sm"
                    className="ml-auto"
                    aria-label={format(w.replay, { id: d.id })}
                    loading={replay.isPending && replay.variables?.deliveryId === d.id}
                    onClick={() => replay.mutate({ tenantSlug: tenant.slug, deliveryId: d.id })}
                  >
                    ↻
                  </Button>
                </div>
                <p className="mt-0.5 font-mono text-[11px] break-all text-zinc-400">webhook-id: {d.eventId}</p>
                {replayed === d.id ? (
                  <p role="status" className="text-xs text-emerald-700 dark:text-emerald-400">
                    {w.replayed}
                  </p>
                ) : null}
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm text-emerald-700 dark:text-emerald-400">
                    {format(w.showAttempts, { id: d.id })}
                  </summary>
                  <ol className="mt-2 space-y-3">
                    {d.attemptLog.map((a) => (
                      <li
                        key={`${a.attempt}-${a.at.toString()}`}
                        className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800"
                        data-testid="delivery-attempt"
                      >
                        <p className="mb-2 flex flex-wrap gap-2 text-sm">
                          <span className="font-medium">{format(w.attempt, { n: a.attempt })}</span>
                          <span className="text-zinc-500">{formatDateTime(a.at, locale)}</span>
                          <Badge tone={a.responseStatus !== null && a.responseStatus < 300 ? "green" : "red"}>
                            {a.responseStatus !== null ? `HTTP ${a.responseStatus}` : w.noResponse}
                          </Badge>
                          <span className="text-zinc-500">{format(w.duration, { ms: a.durationMs })}</span>
                        </p>
                        {a.error ? <p className="mb-2 text-xs text-red-600 dark:text-red-400">{a.error}</p> : null}
                        <div className="grid gap-2 lg:grid-cols-2">
                          <Pre label={w.requestHeaders}>
                            {Object.entries(a.requestHeaders)
                              .map(([k, v]) => `${k}: ${v}`)
                              .join("\n")}
                          </Pre>
                          <Pre label={w.requestBody}>{prettyJson(a.requestBody)}</Pre>
                          <Pre label={w.responseBody}>{a.responseBody ?? "—"}</Pre>
                        </div>
                      </li>
                    ))}
                  </ol>
                </details>
              </li>
            ))}
          </ul>
          <Pagination
            page={page}
            pageSize={pageSize}
            total={log.data.total}
            pageSizes={[10, 20, 50]}
            onPageChange={setPage}
            onPageSizeChange={(s) => {
              setPageSize(s);
              setPage(1);
            }}
            labels={labels}
          />
        </>
      )}
    </Card>
  );
}
