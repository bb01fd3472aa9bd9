"use client";

import { Card, CardHeader, EmptyState, Pagination, SkeletonRows, Table, TBody, TD, TH, THead, TR } from "@aspen/ui";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useI18n } from "@/i18n/provider";
import { QueryError } from "./error-state";
import { usePaginationLabels } from "./pagination-labels";
import type { Pager } from "./url-state";

export interface Column<T> {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  className?: string;
}

export interface PageOf<T> {
  items: T[];
  total: number;
}

/**
 * Every list of the console: filters (optional), then loading skeleton, error with retry, empty
 * (or "nothing matches" when filtered), the table and its pagination. The page and size come from
 * `pager` (see `useUrlPager`), so they live in the URL; the previous page stays shown, dimmed,
 * while the next loads.
 */
export function PagedTable<T>({
  query,
  pager,
  columns,
  rowKey,
  rowTestId,
  rowData,
  empty,
  noMatch,
  filtered = false,
  filters,
  testId,
  tableTestId,
  name,
  rows = 4,
}: {
  query: UseQueryResult<PageOf<T>, unknown>;
  pager: Pager;
  columns: readonly Column<T>[];
  /** Default: the row's `id`. */
  rowKey?: (row: T) => string;
  rowTestId?: (row: T) => string;
  /** Extra `data-*` attributes of a row (e.g. `data-action` for tests and styling). */
  rowData?: (row: T) => Record<`data-${string}`, string>;
  empty: { title: ReactNode; hint?: ReactNode; action?: ReactNode; testId?: string };
  noMatch?: { title: ReactNode; testId?: string };
  filtered?: boolean;
  filters?: ReactNode;
  testId?: string;
  tableTestId?: string;
  /** What the list is, for the pagination landmark's name ("Pages of Devices"). */
  name?: string;
  rows?: number;
}) {
  const { t, format } = useI18n();
  const labels = usePaginationLabels();
  let body: ReactNode;
  if (query.isPending) body = <SkeletonRows rows={rows} label={t.common.loading} />;
  else if (query.isError) body = <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  else if (query.data.total === 0)
    body =
      filtered && noMatch ? (
        <EmptyState title={noMatch.title} testId={noMatch.testId} />
      ) : (
        <EmptyState title={empty.title} description={empty.hint} action={empty.action} testId={empty.testId} />
      );
  else
    body = (
      <>
        <Table data-testid={tableTestId} className={query.isPlaceholderData ? "opacity-60" : undefined}>
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
            {query.data.items.map((row) => (
              <TR key={rowKey ? rowKey(row) : String((row as { id?: unknown }).id)} data-testid={rowTestId?.(row)} {...rowData?.(row)}>
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
          total={query.data.total}
          pageSizes={[...pager.pageSizes]}
          onPageChange={pager.setPage}
          onPageSizeChange={pager.setPageSize}
          labels={name ? { ...labels, navigation: format(t.ui.pagesOf, { name }) } : labels}
        />
      </>
    );
  return (
    <div data-testid={testId}>
      {filters}
      {body}
    </div>
  );
}

/**
 * A PagedTable in a card with a heading (device-data lists, members, invitations). `testId` names
 * the card; rows default to `<testId>-row` and the empty state to `<testId>-empty`.
 */
export function PagedTableCard<T>({
  title,
  description,
  actions,
  className,
  testId,
  ...table
}: Omit<Parameters<typeof PagedTable<T>>[0], "testId"> & {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  className?: string;
  testId: string;
}) {
  return (
    <Card className={className} data-testid={testId}>
      <CardHeader title={title} description={description} actions={actions} />
      <PagedTable<T> name={title} rowTestId={() => `${testId}-row`} {...table} empty={{ testId: `${testId}-empty`, ...table.empty }} />
    </Card>
  );
}
