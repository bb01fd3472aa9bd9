"use client";

import { Button, Card, EmptyState, Input, Pagination, Select, SkeletonRows, Table, TBody, TD, TH, THead, TR } from "@aspen/ui";
import { severities, type Severity } from "@aspen/core/browser";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useProductOptions } from "@/components/devices/use-product-options";
import { formatDateTime, formatRelative } from "@/components/format/dates";
import { QueryError } from "@/components/shell/error-state";
import { PageHeader } from "@/components/shell/page-header";
import { usePaginationLabels } from "@/components/shell/pagination-labels";
import { useTenant } from "@/components/tenant/tenant-context";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { AlarmStatusBadge, SeverityBadge } from "./severity-badge";
import { useUrlFilters } from "./use-url-filters";

const statuses = ["active", "acknowledged", "cleared"] as const;
type Status = (typeof statuses)[number];

/** `YYYY-MM-DDTHH:mm` (datetime-local) → Date, or undefined. */
function localDate(text: string | null): Date | undefined {
  if (!text) return undefined;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** Alarms, newest first, filtered by severity, status, product, device and time (all in the URL). */
export function AlarmList() {
  const { t, locale, format } = useI18n();
  const a = t.alarms;
  const tenant = useTenant();
  const trpc = useTRPC();
  const labels = usePaginationLabels();
  const { params, set, reset } = useUrlFilters();
  const severity = (severities as readonly string[]).includes(params.get("severity") ?? "") ? (params.get("severity") as Severity) : "";
  const statusParam = params.get("status") ?? "";
  const status: Status | "" | "any" =
    statusParam === "any" || (statuses as readonly string[]).includes(statusParam) ? (statusParam as Status | "any") : "";
  const productId = params.get("product") ?? "";
  const deviceId = params.get("device") ?? "";
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  const page = Math.max(1, Number(params.get("page")) || 1);
  const pageSize = Number(params.get("size")) || 20;
  const { options: productOptions } = useProductOptions();
  const devices = useQuery(
    trpc.device.list.queryOptions({ tenantSlug: tenant.slug, ...(productId ? { productId } : {}), page: 1, pageSize: 100 }),
  );
  const fromDate = localDate(from);
  const toDate = localDate(to);
  const alarms = useQuery({
    ...trpc.alarm.list.queryOptions({
      tenantSlug: tenant.slug,
      ...(severity ? { severity: [severity] } : {}),
      ...(status === "any" ? {} : { status: status ? [status] : ["active", "acknowledged"] }),
      ...(productId ? { productId } : {}),
      ...(deviceId ? { deviceId } : {}),
      ...(fromDate ? { from: fromDate } : {}),
      ...(toDate ? { to: toDate } : {}),
      page,
      pageSize,
    }),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });
  const filtered = Boolean(severity || status || productId || deviceId || from || to);

  return (
    <>
      <PageHeader title={a.title} description={a.subtitle} />
      <Card className="mb-4 p-3">
        <form
          role="search"
          aria-label={a.filters}
          className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6"
          onSubmit={(e) => e.preventDefault()}
        >
          <div>
            <label htmlFor="alarm-severity" className="mb-1 block text-xs font-medium">
              {a.severity}
            </label>
            <Select
              id="alarm-severity"
              value={severity}
              placeholder={a.allSeverities}
              options={severities.map((s) => ({ value: s, label: t.severity[s] }))}
              onChange={(e) => set({ severity: e.target.value, page: 1 })}
            />
          </div>
          <div>
            <label htmlFor="alarm-status" className="mb-1 block text-xs font-medium">
              {a.status}
            </label>
            <Select
              id="alarm-status"
              value={status}
              placeholder={a.allStatuses}
              options={[...statuses.map((s) => ({ value: s, label: t.alarmStatus[s] })), { value: "any", label: a.anyStatus }]}
              onChange={(e) => set({ status: e.target.value, page: 1 })}
            />
          </div>
          <div>
            <label htmlFor="alarm-product" className="mb-1 block text-xs font-medium">
              {a.product}
            </label>
            <Select
              id="alarm-product"
              value={productId}
              placeholder={a.allProducts}
              options={productOptions}
              onChange={(e) => set({ product: e.target.value, device: undefined, page: 1 })}
            />
          </div>
          <div>
            <label htmlFor="alarm-device" className="mb-1 block text-xs font-medium">
              {a.device}
            </label>
            <Select
              id="alarm-device"
              value={deviceId}
              placeholder={a.allDevices}
              options={(devices.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
              onChange={(e) => set({ device: e.target.value, page: 1 })}
            />
          </div>
          <div>
            <label htmlFor="alarm-from" className="mb-1 block text-xs font-medium">
              {a.from}
            </label>
            <Input id="alarm-from" type="datetime-local" value={from} onChange={(e) => set({ from: e.target.value, page: 1 })} />
          </div>
          <div>
            <label htmlFor="alarm-to" className="mb-1 block text-xs font-medium">
              {a.to}
            </label>
            <Input id="alarm-to" type="datetime-local" value={to} onChange={(e) => set({ to: e.target.value, page: 1 })} />
          </div>
          {filtered ? (
            <div className="sm:col-span-2 lg:col-span-6">
              <Button type="button" variant="ghost" size="sm" onClick={reset}>
                {a.reset}
              </Button>
            </div>
          ) : null}
        </form>
      </Card>
      <Card>
        {alarms.isPending ? (
          <SkeletonRows rows={5} label={t.common.loading} />
        ) : alarms.error ? (
          <QueryError error={alarms.error} onRetry={() => alarms.refetch()} />
        ) : alarms.data.total === 0 ? (
          <EmptyState title={a.empty} description={a.emptyHint} testId="alarms-empty" />
        ) : (
          <>
            <Table data-testid="alarms-table" className={alarms.isPlaceholderData ? "opacity-60" : undefined}>
              <THead>
                <tr>
                  <TH>{a.alarm}</TH>
                  <TH>{a.severity}</TH>
                  <TH>{a.status}</TH>
                  <TH className="hidden md:table-cell">{a.device}</TH>
                  <TH className="hidden text-right sm:table-cell">{a.count}</TH>
                  <TH className="hidden lg:table-cell">{a.lastSeen}</TH>
                </tr>
              </THead>
              <TBody>
                {alarms.data.items.map((alarm) => (
                  <TR key={alarm.id} data-testid="alarm-row">
                    <TD className="max-w-[22rem]">
                      <Link
                        href={`/t/${tenant.slug}/alarms/${alarm.id}`}
                        aria-label={format(a.open, { title: alarm.title })}
                        className="font-medium text-emerald-700 hover:underline dark:text-emerald-400"
                      >
                        {alarm.title}
                      </Link>
                      <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">{alarm.ruleName}</p>
                    </TD>
                    <TD>
                      <SeverityBadge severity={alarm.severity} />
                    </TD>
                    <TD>
                      <AlarmStatusBadge status={alarm.status} />
                    </TD>
                    <TD className="hidden md:table-cell">
                      <Link href={`/t/${tenant.slug}/devices/${alarm.deviceId}`} className="hover:underline">
                        {alarm.deviceName}
                      </Link>
                    </TD>
                    <TD className="hidden text-right tabular-nums sm:table-cell">{alarm.count}</TD>
                    <TD className="hidden text-zinc-500 lg:table-cell" title={formatDateTime(alarm.lastSeenAt, locale)}>
                      {formatRelative(alarm.lastSeenAt, locale)}
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
            <Pagination
              page={page}
              pageSize={pageSize}
              total={alarms.data.total}
              onPageChange={(p) => set({ page: p })}
              onPageSizeChange={(s) => set({ size: s, page: 1 })}
              labels={labels}
            />
          </>
        )}
      </Card>
    </>
  );
}
