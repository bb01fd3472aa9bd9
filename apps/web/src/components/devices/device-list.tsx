"use client";

import {
  Button,
  Card,
  EmptyState,
  Input,
  Pagination,
  Select,
  SkeletonRows,
  Table,
  TBody,
  TD,
  TH,
  THead,
  TR,
  buttonClasses,
} from "@aspen/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { formatRelative } from "@/components/format/dates";
import { QueryError } from "@/components/shell/error-state";
import { PageHeader } from "@/components/shell/page-header";
import { usePaginationLabels } from "@/components/shell/pagination-labels";
import { useCan, useTenant } from "@/components/tenant/tenant-context";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { NewDeviceDialog } from "./new-device-dialog";
import { DeviceStatusBadge, LabelChips } from "./status-badge";
import { LiveIndicator } from "@/components/live/live-indicator";
import { useDeviceListLive } from "./use-device-list-live";
import { useProductOptions } from "./use-product-options";

const statuses = ["online", "offline", "disabled"] as const;
type Status = (typeof statuses)[number];
const pageSizes = [10, 20, 50, 100];

/** Filters live in the URL (`?q=&product=&status=&label=&page=&size=`) so they survive reloads and links. */
function useFilters() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const status = params.get("status");
  const size = Number(params.get("size"));
  const filters = {
    q: params.get("q") ?? "",
    product: params.get("product") ?? "",
    status: (statuses as readonly string[]).includes(status ?? "") ? (status as Status) : undefined,
    label: params.get("label") ?? "",
    page: Math.max(1, Number(params.get("page")) || 1),
    pageSize: pageSizes.includes(size) ? size : 20,
  };
  const set = (patch: Partial<Record<"q" | "product" | "status" | "label" | "page" | "size", string | number | undefined>>) => {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === "" || (k === "page" && v === 1)) next.delete(k);
      else next.set(k, String(v));
    }
    // Any filter change starts again at page 1.
    if (!("page" in patch)) next.delete("page");
    const qs = next.toString();
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  };
  return { filters, set };
}

export function DeviceList() {
  const { t, locale } = useI18n();
  const tenant = useTenant();
  const trpc = useTRPC();
  const canWrite = useCan("device.write");
  const labels = usePaginationLabels();
  const { filters, set } = useFilters();
  const { options: productOptions } = useProductOptions();
  const [newOpen, setNewOpen] = useState(false);
  const [search, setSearch] = useState(filters.q);
  const [label, setLabel] = useState(filters.label);

  // Typing searches after a short pause.
  useEffect(() => {
    if (search === filters.q) return;
    const timer = setTimeout(() => set({ q: search.trim() }), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search]);

  const labelValid = filters.label === "" || /^[^=\s]+=.*$/.test(filters.label);
  const devices = useQuery({
    ...trpc.device.list.queryOptions({
      tenantSlug: tenant.slug,
      search: filters.q || undefined,
      productId: filters.product || undefined,
      status: filters.status,
      label: filters.label && labelValid ? filters.label : undefined,
      page: filters.page,
      pageSize: filters.pageSize,
    }),
    placeholderData: keepPreviousData,
  });
  const filtered = !!(filters.q || filters.product || filters.status || filters.label);
  const live = useDeviceListLive(!!filters.status);

  const actions = (where: "header" | "empty") =>
    canWrite ? (
      <>
        <Link
          href={`/t/${tenant.slug}/devices/bulk`}
          className={buttonClasses({ variant: "secondary" })}
          data-testid={where === "header" ? "bulk-create" : "bulk-create-empty"}
        >
          {t.devices.bulk}
        </Link>
        <Button onClick={() => setNewOpen(true)} data-testid={where === "header" ? "new-device" : "new-device-empty"}>
          {t.devices.new}
        </Button>
      </>
    ) : null;

  return (
    <>
      <PageHeader
        title={t.devices.title}
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            {t.devices.subtitle}
            <LiveIndicator status={live} />
          </span>
        }
        actions={actions("header")}
      />
      <Card>
        <div className="grid grid-cols-2 gap-2 border-b border-zinc-200 p-3 md:grid-cols-[minmax(0,2fr)_repeat(3,minmax(0,1fr))_auto] dark:border-zinc-800">
          <Input
            type="search"
            className="col-span-2 md:col-span-1"
            placeholder={t.devices.searchPlaceholder}
            aria-label={t.common.search}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="device-search"
          />
          <Select
            aria-label={t.devices.product}
            placeholder={t.devices.allProducts}
            options={productOptions}
            value={filters.product}
            onChange={(e) => set({ product: e.target.value })}
            data-testid="filter-product"
          />
          <Select
            aria-label={t.devices.status}
            placeholder={t.devices.allStatuses}
            options={statuses.map((s) => ({ value: s, label: t.devices[s] }))}
            value={filters.status ?? ""}
            onChange={(e) => set({ status: e.target.value })}
            data-testid="filter-status"
          />
          <form
            className="col-span-2 md:col-span-1"
            onSubmit={(e) => {
              e.preventDefault();
              set({ label: label.trim() });
            }}
          >
            <Input
              aria-label={t.devices.label}
              placeholder={t.devices.labelPlaceholder}
              value={label}
              onChange={(e) => setLabel(e.target.value)}
              onBlur={() => label.trim() !== filters.label && set({ label: label.trim() })}
              invalid={!labelValid}
              className="font-mono"
              data-testid="filter-label"
            />
          </form>
          {filtered ? (
            <Button
              variant="ghost"
              className="col-span-2 md:col-span-1"
              onClick={() => {
                setSearch("");
                setLabel("");
                set({ q: undefined, product: undefined, status: undefined, label: undefined });
              }}
              data-testid="clear-filters"
            >
              {t.common.clearFilters}
            </Button>
          ) : null}
        </div>
        {devices.isPending ? (
          <SkeletonRows rows={6} label={t.common.loading} />
        ) : devices.error ? (
          <QueryError error={devices.error} onRetry={() => devices.refetch()} />
        ) : devices.data.total === 0 ? (
          filtered ? (
            <EmptyState title={t.devices.noMatch} testId="devices-no-match" />
          ) : (
            <EmptyState title={t.devices.empty} description={t.devices.emptyHint} action={<div className="flex flex-wrap justify-center gap-2">{actions("empty")}</div>} testId="devices-empty" />
          )
        ) : (
          <>
            <Table data-testid="devices-table" className={devices.isPlaceholderData ? "opacity-60" : undefined}>
              <THead>
                <tr>
                  <TH>{t.common.name}</TH>
                  <TH>{t.devices.status}</TH>
                  <TH className="hidden sm:table-cell">{t.devices.product}</TH>
                  <TH className="hidden lg:table-cell">{t.devices.labels}</TH>
                  <TH className="hidden md:table-cell">{t.devices.lastSeen}</TH>
                </tr>
              </THead>
              <TBody>
                {devices.data.items.map((d) => (
                  <TR key={d.id} data-testid={`device-row-${d.name}`}>
                    <TD className="max-w-[12rem] sm:max-w-[18rem]">
                      <Link
                        href={`/t/${tenant.slug}/devices/${d.id}`}
                        className="block truncate font-mono font-medium text-emerald-700 hover:underline dark:text-emerald-400"
                      >
                        {d.name}
                      </Link>
                      <span className="block truncate text-xs text-zinc-500 sm:hidden">{d.productName}</span>
                    </TD>
                    <TD>
                      <DeviceStatusBadge status={d.status} />
                    </TD>
                    <TD className="hidden max-w-[12rem] truncate sm:table-cell">{d.productName}</TD>
                    <TD className="hidden lg:table-cell">
                      <LabelChips labels={d.labels} />
                    </TD>
                    <TD className="hidden text-zinc-500 md:table-cell">{d.lastSeenAt ? formatRelative(d.lastSeenAt, locale) : t.devices.never}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
            <Pagination
              page={filters.page}
              pageSize={filters.pageSize}
              total={devices.data.total}
              pageSizes={pageSizes}
              onPageChange={(page) => set({ page })}
              onPageSizeChange={(size) => set({ size })}
              labels={labels}
            />
          </>
        )}
      </Card>
      {canWrite ? <NewDeviceDialog open={newOpen} onClose={() => setNewOpen(false)} /> : null}
    </>
  );
}
