"use client";

import { Card, CardHeader, Pagination, Table, TBody, TD, TH, THead, TR } from "@aspen/ui";
import { keepPreviousData, useQuery, type QueryKey, type UseQueryOptions, type UseQueryResult } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { QueryBody } from "@/components/shell/query-body";
import { usePaginationLabels } from "@/components/shell/pagination-labels";
import { useTenant } from "@/components/tenant/tenant-context";

export interface Column<T> {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  className?: string;
}

interface Page<T> {
  items: T[];
  total: number;
}

const pageSizes = [10, 20, 50];

/** Page and page size of one table (start at page 1, 10 rows). */
export function usePager() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  return { page, pageSize, setPage, setPageSize };
}
export type Pager = ReturnType<typeof usePager>;

/** What every paginated device-data procedure takes. */
export interface DevicePageInput {
  tenantSlug: string;
  deviceId: string;
  page: number;
  pageSize: number;
}

/**
 * One page of a device-data list: `options` turns the input into the procedure's query options
 * (e.g. `(i) => trpc.telemetry.events.queryOptions(i)`); the previous page stays shown while the next loads.
 */
export function useDevicePage<TData, TError, TKey extends QueryKey>(deviceId: string, options: (input: DevicePageInput) => UseQueryOptions<TData, TError, TData, TKey>) {
  const tenant = useTenant();
  const pager = usePager();
  const query = useQuery({ ...options({ tenantSlug: tenant.slug, deviceId, page: pager.page, pageSize: pager.pageSize }), placeholderData: keepPreviousData });
  return { query, pager };
}

/**
 * A card with a paginated table of one device-data list (events, commands, connections, errors),
 * for a query made with `pager`'s page and size; loading, error and empty states included.
 */
export function PagedTableCard<T extends { id: string }>({
  title,
  description,
  actions,
  query,
  pager,
  columns,
  empty,
  testId,
  rowTestId,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  query: UseQueryResult<Page<T>, unknown>;
  pager: Pager;
  columns: readonly Column<T>[];
  empty: { title: ReactNode; hint?: ReactNode };
  testId: string;
  rowTestId?: (row: T) => string;
}) {
  const labels = usePaginationLabels();
  return (
    <Card data-testid={testId}>
      <CardHeader title={title} description={description} actions={actions} />
      <QueryBody query={query} isEmpty={(d) => d.total === 0} empty={{ ...empty, testId: `${testId}-empty` }}>
        {(data) => (
          <>
            <Table className={query.isPlaceholderData ? "opacity-60" : undefined}>
              <THead>
                <tr>
                  {columns.map((c, i) => (
                    <TH key={i} className={c.className}>
                      {c.header}
                    </TH>
                  ))}
                </tr>
              </THead>
              <TBody>
                {data.items.map((row) => (
                  <TR key={row.id} data-testid={rowTestId?.(row) ?? `${testId}-row`}>
                    {columns.map((c, i) => (
                      <TD key={i} className={c.className}>
                        {c.cell(row)}
                      </TD>
                    ))}
                  </TR>
                ))}
              </TBody>
            </Table>
            <Pagination
              page={pager.page}
              pageSize={pager.pageSize}
              total={data.total}
              pageSizes={pageSizes}
              onPageChange={pager.setPage}
              onPageSizeChange={(size) => {
                pager.setPageSize(size);
                pager.setPage(1);
              }}
              labels={labels}
            />
          </>
        )}
      </QueryBody>
    </Card>
  );
}
