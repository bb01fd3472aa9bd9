"use client";

import { Card, EmptyState, Pagination, SkeletonRows, Table, TBody, TD, TH, THead, TR, buttonClasses } from "@aspen/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { formatDate } from "@/components/format/dates";
import { QueryError } from "@/components/shell/error-state";
import { PageHeader } from "@/components/shell/page-header";
import { usePaginationLabels } from "@/components/shell/pagination-labels";
import { useCan, useTenant } from "@/components/tenant/tenant-context";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

function count(model: unknown, key: "properties" | "events" | "commands"): number {
  const list = (model as Record<string, unknown> | null)?.[key];
  return Array.isArray(list) ? list.length : 0;
}

export function ProductList() {
  const { t, locale } = useI18n();
  const tenant = useTenant();
  const trpc = useTRPC();
  const canWrite = useCan("product.write");
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const labels = usePaginationLabels();
  const products = useQuery({ ...trpc.product.list.queryOptions({ tenantSlug: tenant.slug, page, pageSize }), placeholderData: keepPreviousData });
  const newButton = (testId: string) =>
    canWrite ? (
      <Link href={`/t/${tenant.slug}/products/new`} className={buttonClasses()} data-testid={testId}>
        {t.products.new}
      </Link>
    ) : null;
  return (
    <>
      <PageHeader title={t.products.title} description={t.products.subtitle} actions={newButton("new-product")} />
      <Card>
        {products.isPending ? (
          <SkeletonRows rows={4} label={t.common.loading} />
        ) : products.error ? (
          <QueryError error={products.error} onRetry={() => products.refetch()} />
        ) : products.data.total === 0 ? (
          <EmptyState title={t.products.empty} description={t.products.emptyHint} action={newButton("new-product-empty")} />
        ) : (
          <>
            <Table data-testid="products-table">
              <THead>
                <tr>
                  <TH>{t.products.name}</TH>
                  <TH className="text-right">{t.products.properties}</TH>
                  <TH className="hidden text-right sm:table-cell">{t.products.events}</TH>
                  <TH className="hidden text-right sm:table-cell">{t.products.commands}</TH>
                  <TH className="text-right">{t.products.devices}</TH>
                  <TH className="hidden md:table-cell">{t.common.updatedAt}</TH>
                </tr>
              </THead>
              <TBody>
                {products.data.items.map((p) => (
                  <TR key={p.id} data-testid={`product-row-${p.name}`}>
                    <TD className="max-w-[16rem]">
                      <Link href={`/t/${tenant.slug}/products/${p.id}`} className="block truncate font-medium text-emerald-700 hover:underline dark:text-emerald-400">
                        {p.name}
                      </Link>
                      {p.description ? <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">{p.description}</p> : null}
                    </TD>
                    <TD className="text-right tabular-nums">{count(p.thingModel, "properties")}</TD>
                    <TD className="hidden text-right tabular-nums sm:table-cell">{count(p.thingModel, "events")}</TD>
                    <TD className="hidden text-right tabular-nums sm:table-cell">{count(p.thingModel, "commands")}</TD>
                    <TD className="text-right tabular-nums">{p.deviceCount}</TD>
                    <TD className="hidden text-zinc-500 md:table-cell">{formatDate(p.updatedAt, locale)}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
            <Pagination
              page={page}
              pageSize={pageSize}
              total={products.data.total}
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
