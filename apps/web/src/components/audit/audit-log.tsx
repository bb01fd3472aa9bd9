"use client";

import { auditActions } from "@aspen/core";
import { Badge, Button, Callout, Card, Input, Select } from "@aspen/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { parseAsString, useQueryStates } from "nuqs";
import { useState } from "react";
import { formatDateTime } from "@/components/format/dates";
import { PageHeader } from "@/components/shell/page-header";
import { PagedTable } from "@/components/shell/paged-table";
import { useUrlPager } from "@/components/shell/url-state";
import { useCan, useTenant } from "@/components/tenant/tenant-context";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

/** Tenant-level actions (user sign-ins have no tenant), plus `resource.` prefixes to see a whole family. */
const tenantActions = auditActions.filter((a) => !a.startsWith("user."));
const families = [...new Set(tenantActions.map((a) => `${a.split(".")[0]}.`))];

function tone(action: string) {
  if (action.endsWith("delete") || action.endsWith("remove") || action.endsWith("revoke") || action.endsWith("disable"))
    return "red" as const;
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
  const { t, locale } = useI18n();
  const tenant = useTenant();
  const trpc = useTRPC();
  const canRead = useCan("audit.read");
  const [filters, setFilters] = useQueryStates(
    {
      action: parseAsString.withDefault(""),
      actor: parseAsString.withDefault(""),
      from: parseAsString.withDefault(""),
      to: parseAsString.withDefault(""),
    },
    { history: "replace", scroll: false },
  );
  const pager = useUrlPager({ defaultSize: 25, sizes: [25, 50, 100] });
  const { action, actor, from, to } = filters;
  const [actorDraft, setActorDraft] = useState(actor);
  /** Changes filters (empty clears one) and starts again at page 1. */
  const filter = (patch: Partial<typeof filters>) => {
    void setFilters(Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, v || null])));
    pager.setPage(1);
  };
  const entries = useQuery({
    ...trpc.audit.list.queryOptions({
      tenantSlug: tenant.slug,
      action: action || undefined,
      actorEmail: actor || undefined,
      from: dayStart(from),
      to: dayStart(to, true),
      page: pager.page,
      pageSize: pager.pageSize,
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
            filter({ actor: actorDraft.trim() });
          }}
        >
          <Select
            aria-label={t.audit.action}
            placeholder={t.audit.allActions}
            className="col-span-2 md:col-span-1"
            value={action}
            onChange={(e) => filter({ action: e.target.value })}
            options={[...families.map((f) => ({ value: f, label: `${f}*` })), ...tenantActions.map((a) => ({ value: a, label: a }))]}
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
              if (actorDraft.trim() !== actor) filter({ actor: actorDraft.trim() });
            }}
            data-testid="audit-filter-actor"
          />
          <label className="min-w-0">
            <span className="sr-only">{t.audit.from}</span>
            <Input
              type="date"
              value={from}
              title={t.audit.from}
              onChange={(e) => filter({ from: e.target.value })}
              data-testid="audit-filter-from"
            />
          </label>
          <label className="min-w-0">
            <span className="sr-only">{t.audit.to}</span>
            <Input
              type="date"
              value={to}
              title={t.audit.to}
              onChange={(e) => filter({ to: e.target.value })}
              data-testid="audit-filter-to"
            />
          </label>
          {filtered ? (
            <Button
              variant="ghost"
              className="col-span-2 md:col-span-1"
              onClick={() => {
                setActorDraft("");
                filter({ action: "", actor: "", from: "", to: "" });
              }}
            >
              {t.common.clearFilters}
            </Button>
          ) : null}
        </form>
        <PagedTable
          query={entries}
          pager={pager}
          name={t.audit.title}
          rows={8}
          filtered={filtered}
          tableTestId="audit-table"
          rowTestId={() => "audit-row"}
          rowData={(e) => ({ "data-action": e.action })}
          noMatch={{ title: t.audit.empty, testId: "audit-empty" }}
          empty={{ title: t.audit.empty, hint: t.audit.emptyHint, testId: "audit-empty" }}
          columns={[
            {
              header: t.audit.time,
              className: "whitespace-nowrap text-zinc-500 dark:text-zinc-400",
              cell: (e) => formatDateTime(e.createdAt, locale),
            },
            {
              header: t.audit.action,
              cell: (e) => (
                <span>
                  <Badge tone={tone(e.action)} className="font-mono">
                    {e.action}
                  </Badge>
                  <span className="mt-0.5 block truncate text-xs text-zinc-500 sm:hidden dark:text-zinc-400">
                    {e.actorEmail ?? t.audit.system}
                  </span>
                </span>
              ),
            },
            {
              header: t.audit.actor,
              className: "hidden max-w-[14rem] truncate sm:table-cell",
              cell: (e) => (
                <span data-testid="audit-actor">
                  {e.actorEmail ?? <span className="text-zinc-500 dark:text-zinc-400">{t.audit.system}</span>}
                </span>
              ),
            },
            {
              header: t.audit.target,
              className: "max-w-[14rem]",
              cell: (e) => (
                <>
                  <span className="block truncate" data-testid="audit-target">
                    {e.targetName ?? e.targetId ?? "—"}
                  </span>
                  {e.targetType ? <span className="block text-xs text-zinc-500 dark:text-zinc-400">{e.targetType}</span> : null}
                </>
              ),
            },
            {
              header: t.audit.ip,
              className: "hidden font-mono text-xs text-zinc-500 md:table-cell dark:text-zinc-400",
              cell: (e) => e.ip ?? "—",
            },
            {
              header: t.audit.details,
              className: "hidden max-w-[20rem] lg:table-cell",
              cell: (e) =>
                e.details && Object.keys(e.details).length ? (
                  <details>
                    <summary className="cursor-pointer truncate font-mono text-xs text-zinc-600 dark:text-zinc-400">
                      {JSON.stringify(e.details)}
                    </summary>
                    <pre
                      className="mt-1 max-h-48 overflow-auto rounded bg-zinc-50 p-2 font-mono text-xs whitespace-pre-wrap dark:bg-zinc-950"
                      tabIndex={0}
                    >
                      {JSON.stringify(e.details, null, 2)}
                    </pre>
                  </details>
                ) : (
                  <span className="text-zinc-500 dark:text-zinc-400">—</span>
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
