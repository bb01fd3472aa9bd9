"use client";

import { labelFilterPattern } from "@aspen/core/browser";
import { Button, Card, Input, Select, buttonClasses } from "@aspen/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { useEffect, useState } from "react";
import { formatRelative } from "@/components/format/dates";
import { PageHeader } from "@/components/shell/page-header";
import { PagedTable } from "@/components/shell/paged-table";
import { useUrlPager } from "@/components/shell/url-state";
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
const pageSizes = [10, 20, 50, 100] as const;

/** Filters live in the URL (`?q=&product=&status=&label=&page=&size=`) so they survive reloads and links. */
function useFilters() {
  const [state, setState] = useQueryStates(
    {
      q: parseAsString.withDefault(""),
      product: parseAsString.withDefault(""),
      status: parseAsStringLiteral(statuses),
      label: parseAsString.withDefault(""),
    },
    { history: "replace", scroll: false },
  );
  const pager = useUrlPager({ defaultSize: 20, sizes: pageSizes });
  const set = (patch: Partial<{ q: string; product: string; status: Status | ""; label: string }>) => {
    const next: Record<string, string | null> = {};
    for (const [k, v] of Object.entries(patch)) next[k] = v ? v : null;
    // Any filter change starts again at page 1.
    void setState(next);
    pager.setPage(1);
  };
  return { filters: state, pager, set };
}

export function DeviceList() {
  const { t, locale } = useI18n();
  const tenant = useTenant();
  const trpc = useTRPC();
  const canWrite = useCan("device.write");
  const { filters, pager, set } = useFilters();
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

  const labelValid = filters.label === "" || labelFilterPattern.test(filters.label);
  const devices = useQuery({
    ...trpc.device.list.queryOptions({
      tenantSlug: tenant.slug,
      search: filters.q || undefined,
      productId: filters.product || undefined,
      status: filters.status ?? undefined,
      label: filters.label && labelValid ? filters.label : undefined,
      page: pager.page,
      pageSize: pager.pageSize,
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
          {where === "header" ? t.devices.bulk : t.ui.firstBulk}
        </Link>
        <Button onClick={() => setNewOpen(true)} data-testid={where === "header" ? "new-device" : "new-device-empty"}>
          {where === "header" ? t.devices.new : t.ui.firstDevice}
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
        <PagedTable
          query={devices}
          pager={pager}
          name={t.devices.title}
          rows={6}
          filtered={filtered}
          filters={
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
                onChange={(e) => set({ status: e.target.value as Status | "" })}
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
                    set({ q: "", product: "", status: "", label: "" });
                  }}
                  data-testid="clear-filters"
                >
                  {t.common.clearFilters}
                </Button>
              ) : null}
            </div>
          }
          tableTestId="devices-table"
          rowTestId={(d) => `device-row-${d.name}`}
          noMatch={{ title: t.devices.noMatch, testId: "devices-no-match" }}
          empty={{
            title: t.devices.empty,
            hint: t.devices.emptyHint,
            action: <div className="flex flex-wrap justify-center gap-2">{actions("empty")}</div>,
            testId: "devices-empty",
          }}
          columns={[
            {
              header: t.common.name,
              className: "max-w-[12rem] sm:max-w-[18rem]",
              cell: (d) => (
                <>
                  <Link
                    href={`/t/${tenant.slug}/devices/${d.id}`}
                    className="block truncate font-mono font-medium text-emerald-700 hover:underline dark:text-emerald-400"
                  >
                    {d.name}
                  </Link>
                  <span className="block truncate text-xs text-zinc-500 sm:hidden dark:text-zinc-400">{d.productName}</span>
                </>
              ),
            },
            { header: t.devices.status, cell: (d) => <DeviceStatusBadge status={d.status} /> },
            { header: t.devices.product, className: "hidden max-w-[12rem] truncate sm:table-cell", cell: (d) => d.productName },
            { header: t.devices.labels, className: "hidden lg:table-cell", cell: (d) => <LabelChips labels={d.labels} /> },
            {
              header: t.devices.lastSeen,
              className: "hidden text-zinc-500 md:table-cell dark:text-zinc-400",
              cell: (d) => (d.lastSeenAt ? formatRelative(d.lastSeenAt, locale) : t.devices.never),
            },
          ]}
        />
      </Card>
      {canWrite ? <NewDeviceDialog open={newOpen} onClose={() => setNewOpen(false)} /> : null}
    </>
  );
}
