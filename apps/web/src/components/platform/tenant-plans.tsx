"use client";

import { planIds, plans, type PlanId } from "@aspen/core/browser";
import { Badge, Card, ConfirmDialog, Input, Select } from "@aspen/ui";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { serverErrorText } from "@/components/forms/server-errors";
import { formatDate } from "@/components/format/dates";
import { PageHeader } from "@/components/shell/page-header";
import { PagedTable } from "@/components/shell/paged-table";
import { useUrlPager } from "@/components/shell/url-state";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

type Change = { tenantId: string; name: string; from: PlanId; to: PlanId };

/** The platform operators' list of tenants, each with a plan select; a change is confirmed first. */
export function TenantPlans() {
  const { t, format, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pager = useUrlPager({ defaultSize: 20, sizes: [20, 50, 100] });
  const [search, setSearch] = useState("");
  const [q, setQ] = useState("");
  const [change, setChange] = useState<Change | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  // Typing searches after a short pause.
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 300);
    return () => clearTimeout(timer);
  }, [search]);

  const tenants = useQuery({
    ...trpc.platformTenant.list.queryOptions({ page: pager.page, pageSize: pager.pageSize, q: q || undefined }),
    placeholderData: keepPreviousData,
  });
  const planName = (p: PlanId) => t.plans[p];
  // The limits as this deployment enforces them (the operator may override the plans' own).
  const perMinute = (p: PlanId) => (tenants.data?.planLimits[p] ?? plans[p].apiRequestsPerMinute).toLocaleString(locale);
  const options = planIds.map((p) => ({
    value: p,
    label: format(t.platformTenants.planOption, { plan: planName(p), limit: perMinute(p) }),
  }));

  const setPlan = useMutation(
    trpc.platformTenant.setPlan.mutationOptions({
      onSuccess: async (r) => {
        if (change) setNotice(format(t.platformTenants.changed, { name: change.name, plan: planName(r.plan) }));
        setChange(null);
        await queryClient.invalidateQueries({ queryKey: trpc.platformTenant.list.queryKey() });
      },
    }),
  );

  return (
    <>
      <PageHeader title={t.platformTenants.title} description={t.platformTenants.subtitle} />
      <div aria-live="polite" className="empty:hidden" data-testid="tenant-plan-notice">
        {notice ? <p className="pb-3 text-sm text-emerald-700 dark:text-emerald-400">{notice}</p> : null}
      </div>
      <Card>
        <PagedTable
          query={tenants}
          pager={pager}
          name={t.platformTenants.title}
          tableTestId="platform-tenants-table"
          rowTestId={() => "platform-tenant-row"}
          rowData={(r) => ({ "data-slug": r.slug })}
          filtered={q !== ""}
          filters={
            <div className="border-b border-zinc-200 p-3 dark:border-zinc-800">
              <Input
                type="search"
                className="w-full sm:max-w-sm"
                placeholder={t.platformTenants.searchPlaceholder}
                aria-label={t.common.search}
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                data-testid="platform-tenant-search"
              />
            </div>
          }
          empty={{ title: t.platformTenants.empty }}
          noMatch={{ title: t.platformTenants.noMatch }}
          columns={[
            {
              header: t.platformTenants.tenant,
              className: "max-w-[10rem] sm:max-w-[20rem]",
              cell: (r) => (
                <>
                  <span className="block truncate font-medium text-zinc-900 dark:text-zinc-100">{r.name}</span>
                  <span className="block truncate font-mono text-xs text-zinc-500 dark:text-zinc-400">{r.slug}</span>
                </>
              ),
            },
            {
              header: t.platformTenants.status,
              className: "hidden md:table-cell",
              cell: (r) => (
                <Badge tone={r.status === "active" ? "green" : "amber"}>
                  {r.status === "active" ? t.platformTenants.active : t.platformTenants.suspended}
                </Badge>
              ),
            },
            {
              header: t.platformTenants.created,
              className: "hidden whitespace-nowrap text-zinc-500 lg:table-cell dark:text-zinc-400",
              cell: (r) => formatDate(r.createdAt, locale),
            },
            {
              header: t.platformTenants.plan,
              cell: (r) => (
                <Select
                  className="w-40 sm:w-64"
                  aria-label={format(t.platformTenants.planOf, { name: r.name })}
                  options={options}
                  value={r.plan}
                  disabled={setPlan.isPending}
                  onChange={(e) => {
                    setNotice(null);
                    setPlan.reset();
                    setChange({ tenantId: r.id, name: r.name, from: r.plan, to: e.target.value as PlanId });
                  }}
                  data-testid="platform-tenant-plan"
                />
              ),
            },
          ]}
        />
      </Card>
      <ConfirmDialog
        open={change !== null}
        onClose={() => {
          setChange(null);
          setPlan.reset();
        }}
        onConfirm={() => {
          if (change) setPlan.mutate({ tenantId: change.tenantId, plan: change.to });
        }}
        title={change ? format(t.platformTenants.confirmTitle, { name: change.name, plan: planName(change.to) }) : ""}
        description={
          change ? format(t.platformTenants.confirmBody, { limit: perMinute(change.to), current: perMinute(change.from) }) : undefined
        }
        confirmLabel={t.platformTenants.confirm}
        cancelLabel={t.common.cancel}
        tone="primary"
        pending={setPlan.isPending}
        error={setPlan.error ? serverErrorText(setPlan.error, t) : undefined}
        testId="platform-tenant-plan-dialog"
      />
    </>
  );
}
