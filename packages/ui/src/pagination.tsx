import { Button } from "./button";
import { Select } from "./select";

export interface PaginationLabels {
  previous: string;
  next: string;
  /** e.g. "{from}–{to} of {total}" */
  range: (from: number, to: number, total: number) => string;
  pageSize: string;
  /** Name of the navigation landmark, e.g. "Pages of Connection history" (unique on the page). */
  navigation?: string;
}

const defaultLabels: PaginationLabels = {
  previous: "Previous",
  next: "Next",
  range: (from, to, total) => `${from}–${to} of ${total}`,
  pageSize: "Rows per page",
};

/** Page controls and a page size selector; pages count from 1. */
export function Pagination({
  page,
  pageSize,
  total,
  onPageChange,
  onPageSizeChange,
  pageSizes = [10, 25, 50, 100],
  labels = defaultLabels,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
  onPageSizeChange?: (size: number) => void;
  pageSizes?: number[];
  labels?: PaginationLabels;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav
      aria-label={labels.navigation ?? "Pagination"}
      data-testid="pagination"
      className="flex flex-wrap items-center justify-between gap-2 border-t border-zinc-200 px-3 py-2 text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400"
    >
      <span data-testid="pagination-range">{labels.range(from, to, total)}</span>
      <div className="flex flex-wrap items-center gap-2">
        {onPageSizeChange ? (
          <label className="flex items-center gap-1.5">
            <span className="hidden whitespace-nowrap sm:inline">{labels.pageSize}</span>
            <Select
              aria-label={labels.pageSize}
              data-testid="page-size"
              className="h-8 w-20"
              value={String(pageSize)}
              onChange={(e) => onPageSizeChange(Number(e.target.value))}
              options={pageSizes.map((s) => ({ value: String(s), label: String(s) }))}
            />
          </label>
        ) : null}
        <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => onPageChange(page - 1)} data-testid="page-prev">
          {labels.previous}
        </Button>
        <span className="tabular-nums" data-testid="page-current">
          {page} / {pages}
        </span>
        <Button variant="secondary" size="sm" disabled={page >= pages} onClick={() => onPageChange(page + 1)} data-testid="page-next">
          {labels.next}
        </Button>
      </div>
    </nav>
  );
}
