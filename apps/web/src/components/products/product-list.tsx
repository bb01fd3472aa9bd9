"use client";

import { Card, buttonClasses } from "@aspen/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatDate } from "@/components/format/dates";
import { PageHeader } from "@/components/shell/page-header";
import { PagedTable } from "@/components/shell/paged-table";
import { useUrlPager } from "@/components/shell/url-state";
import { useCan, useTenant } from "@/components/tenant/tenant-context";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

function count(model: unknown, key: "properties" | "events" | "commands"): number {
  const list = (model as Record<string, unknown> | null)?.[key];
  return Array.isArray(list) ? list.length : 0;
}

export function ProductList() {
  const { t, locale, format } = useI18n();
  const tenant = useTenant();
  const trpc = useTRPC();
  const canWrite = useCan("product.write");
  const pager = useUrlPager({ defaultSize: 20, sizes: [10, 20, 50, 100] });
  const products = useQuery({
    ...trpc.product.list.queryOptions({ tenantSlug: tenant.slug, page: pager.page, pageSize: pager.pageSize }),
    placeholderData: keepPreviousData,
  });
  const newButton = (testId: string) =>
    canWrite ? (
      <Link href={`/t/${tenant.slug}/products/new`} className={buttonClasses()} data-testid={testId}>
        {testId === "new-product" ? t.products.new : t.ui.firstProduct}
      </Link>
    ) : null;
  return (
    <>
      <PageHeader title={t.products.title} description={t.products.subtitle} actions={newButton("new-product")} />
      <Card>
        <PagedTable
          query={products}
          pager={pager}
          name={t.products.title}
          tableTestId="products-table"
          rowTestId={(p) => `product-row-${p.name}`}
          empty={{ title: t.products.empty, hint: t.products.emptyHint, action: newButton("new-product-empty") }}
          columns={[
            {
              header: t.products.name,
              className: "max-w-[16rem]",
              cell: (p) => (
                <>
                  <Link
                    href={`/t/${tenant.slug}/products/${p.id}`}
                    className="block truncate font-medium text-emerald-700 hover:underline dark:text-emerald-400"
                  >
                    {p.name}
                  </Link>
                  {p.description ? <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">{p.description}</p> : null}
                </>
              ),
            },
            { header: t.products.properties, className: "text-right tabular-nums", cell: (p) => count(p.thingModel, "properties") },
            {
              header: t.products.events,
              className: "hidden text-right tabular-nums sm:table-cell",
              cell: (p) => count(p.thingModel, "events"),
            },
            {
              header: t.products.commands,
              className: "hidden text-right tabular-nums sm:table-cell",
              cell: (p) => count(p.thingModel, "commands"),
            },
            {
              header: t.products.devices,
              className: "text-right tabular-nums",
              cell: (p) => (
                <Link
                  href={`/t/${tenant.slug}/devices?product=${p.id}`}
                  className="text-emerald-700 hover:underline dark:text-emerald-400"
                  aria-label={format(t.ui.viewDevices, { count: p.deviceCount })}
                >
                  {p.deviceCount}
                </Link>
              ),
            },
            {
              header: t.common.updatedAt,
              className: "hidden text-zinc-500 md:table-cell dark:text-zinc-400",
              cell: (p) => formatDate(p.updatedAt, locale),
            },
          ]}
        />
      </Card>
    </>
  );
}
