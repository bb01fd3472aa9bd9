"use client";

import { auditActions } from "@aspen/core";
import { Badge, Button, Callout, Card, EmptyState, Input, Pagination, Select, SkeletonRows, Table, TBody, TD, TH, THead, TR } from "@aspen/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatDateTime } from "@/components/format/dates";
import { QueryError } from "@/components/shell/error-state";
import { PageHeader } from "@/components/shell/page-header";
import { usePaginationLabels } from "@/components/shell/pagination-labels";
import { useCan, useTenant } from "@/components/tenant/tenant-context";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

/** Tenant-level actions (user sign-ins have no tenant), plus `resource.` prefixes to see a whole family. */
const tenantActions = auditActions.filter((a) => !a.startsWith("user."));
const families = [...new Set(tenantActions.map((a) => `${a.split(".")[0]}.`))];

function tone(action: string) {
  if (action.endsWith("delete") || action.endsWith("remove") || action.endsWith("revoke") || action.endsWith("disable")) return "red" as const;
  if (action.endsWith("create") || action.endsWith("accept") || action.endsWith("enable")) return "green" as const;
  if (action.startsWith("member.") || action.startsWith("invitation.")) return "violet" as const;
  return "blue" as const;
}

/** A local calendar day as the instant it starts; `endOfDay` gives the start of the next day. */
function dayStart(value: string, endOfDay = false): Date | undefined {
  if (!value) return undefined;
  const [y, m, d] = value.split("-").map(Number);
  if (!y || !m || !d) return undefined;
  return new Date(y, m - 1, d + (endOfDay ? 1 : 0));
}

export function AuditLog() {
  const { t, locale, format } = useI18n();
  const tenant = useTenant();
  const trpc = useTRPC();
  const canRead = useCan("audit.read");
  const labels = usePaginationLabels();
  const [action, setAction] = useState("");
  const [actorDraft, setActorDraft] = useState("");
  const [actor, setActor] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const entries = useQuery({
    ...trpc.audit.list.queryOptions({
      tenantSlug: tenant.slug,
      action: action || undefined,
      actorEmail: actor || undefined,
      from: dayStart(from),
      to: dayStart(to, true),
      page,
      pageSize,
    }),
    placeholderData: keepPreviousData,
    enabled: canRead,
  });
  const filtered = !!(action || actor || from || to);

  if (!canRead) {
    return (
      <>
        <PageHeader title={t.audit.title} />
        <Callout tone="warning">{t.common.forbidden}</Callout>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t.audit.title} description={t.audit.subtitle} />
      <Card>
        <form
          className="grid grid-cols-2 gap-2 border-b border-zinc-200 p-3 md:grid-cols-[repeat(4,minmax(0,1fr))_auto] dark:border-zinc-800"
          onSubmit={(e) => {
            e.preventDefault();
            setActor(actorDraft.trim());
            setPage(1);
          }}
        >
          <Select
            aria-label={t.audit.action}
            placeholder={t.audit.allActions}
            className="col-span-2 md:col-span-1"
            value={action}
            onChange={(e) => {
              setAction(e.target.value);
              setPage(1);
            }}
            options={[
              ...families.map((f) => ({ value: f, label: `${f}*` })),
              ...tenantActions.map((a) => ({ value: a, label: a })),
            ]}
            data-testid="audit-filter-action"
          />
          <Input
            type="search"
            className="col-span-2 md:col-span-1"
            placeholder={t.audit.actorEmail}
            aria-label={t.audit.actorEmail}
            value={actorDraft}
            onChange={(e) => setActorDraft(e.target.value)}
            onBlur={() => {
              if (actorDraft.trim() !== actor) {
                setActor(actorDraft.trim());
                setPage(1);
              }
            }}
            data-testid="audit-filter-actor"
          />
          <label className="min-w-0">
            <span className="sr-only">{t.audit.from}</span>
            <Input
              type="date"
              value={from}
              title={t.audit.from}
              onChange={(e) => {
                setFrom(e.target.value);
                setPage(1);
              }}
              data-testid="audit-filter-from"
            />
          </label>
          <label className="min-w-0">
            <span className="sr-only">{t.audit.to}</span>
            <Input
              type="date"
              value={to}
              title={t.audit.to}
              onChange={(e) => {
                setTo(e.target.value);
                setPage(1);
              }}
              data-testid="audit-filter-to"
            />
          </label>
          {filtered ? (
            <Button
              variant="ghost"
              className="col-span-2 md:col-span-1"
              onClick={() => {
                setAction("");
                setActor("");
                setActorDraft("");
                setFrom("");
                setTo("");
                setPage(1);
              }}
            >
              {t.common.clearFilters}
            </Button>
          ) : null}
        </form>
        {entries.isPending ? (
          <SkeletonRows rows={8} label={t.common.loading} />
        ) : entries.error ? (
          <QueryError error={entries.error} onRetry={() => entries.refetch()} />
        ) : entries.data.total === 0 ? (
          <EmptyState title={t.audit.empty} description={filtered ? undefined : t.audit.emptyHint} testId="audit-empty" />
        ) : (
          <>
            <Table data-testid="audit-table" className={entries.isPlaceholderData ? "opacity-60" : undefined}>
              <THead>
                <tr>
                  <TH>{t.audit.time}</TH>
                  <TH>{t.audit.action}</TH>
                  <TH className="hidden sm:table-cell">{t.audit.actor}</TH>
                  <TH>{t.audit.target}</TH>
                  <TH className="hidden md:table-cell">{t.audit.ip}</TH>
                  <TH className="hidden lg:table-cell">{t.audit.details}</TH>
                </tr>
              </THead>
              <TBody>
                {entries.data.items.map((e) => (
                  <TR key={e.id} data-testid="audit-row" data-action={e.action}>
                    <TD className="whitespace-nowrap text-zinc-500">{formatDateTime(e.createdAt, locale)}</TD>
                    <TD>
                      <Badge tone={tone(e.action)} className="font-mono">
                        {e.action}
                      </Badge>
                      <span className="mt-0.5 block truncate text-xs text-zinc-500 sm:hidden">{e.actorEmail ?? t.audit.system}</span>
                    </TD>
                    <TD className="hidden max-w-[14rem] truncate sm:table-cell" data-testid="audit-actor">
                      {e.actorEmail ?? <span className="text-zinc-400">{t.audit.system}</span>}
                    </TD>
                    <TD className="max-w-[14rem]">
                      <span className="block truncate" data-testid="audit-target">
                        {e.targetName ?? e.targetId ?? "—"}
                      </span>
                      {e.targetType ? <span className="block text-xs text-zinc-400">{e.targetType}</span> : null}
                    </TD>
                    <TD className="hidden font-mono text-xs text-zinc-500 md:table-cell">{e.ip ?? "—"}</TD>
                    <TD className="hidden max-w-[20rem] lg:table-cell">
                      {e.details && Object.keys(e.details).length ? (
                        <details>
                          <summary
                            className="cursor-pointer truncate font-mono text-xs text-zinc-600 dark:text-zinc-400"
                            aria-label={format(t.ui.showDetails, { action: e.action })}
                          >
                            {JSON.stringify(e.details)}
                          </summary>
                          <pre
                            aria-label={format(t.ui.auditDetails, { action: e.action, time: formatDateTime(e.createdAt, locale) })}
                            className="mt-1 max-h-48 overflow-auto rounded bg-zinc-50 p-2 font-mono text-xs whitespace-pre-wrap dark:bg-zinc-950">
                            {JSON.stringify(e.details, null, 2)}
                          </pre>
                        </details>
                      ) : (
                        <span className="text-zinc-400">—</span>
                      )}
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
            <Pagination
              page={page}
              pageSize={pageSize}
              total={entries.data.total}
              pageSizes={[25, 50, 100]}
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
    </>
  );
}
