"use client";

import type { PaginationLabels } from "@aspen/ui";
import { useI18n } from "@/i18n/provider";

/** Pagination texts in the reader's language. */
export function usePaginationLabels(): PaginationLabels {
  const { t, format } = useI18n();
  return {
    previous: t.common.previous,
    next: t.common.next,
    pageSize: t.common.rowsPerPage,
    range: (from, to, total) => format(t.common.pageRange, { from, to, total }),
  };
}
