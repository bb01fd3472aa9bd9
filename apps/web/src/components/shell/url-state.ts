"use client";

import { parseAsInteger, useQueryStates } from "nuqs";

/**
 * Page and page size of one list, kept in the URL (`?page=2&size=50`, or `?eventsPage=…` with a
 * prefix when a page holds several lists) so that reloads, back and shared links keep them.
 */
export function useUrlPager({ prefix = "", defaultSize, sizes }: { prefix?: string; defaultSize: number; sizes: readonly number[] }) {
  const [state, setState] = useQueryStates(
    { page: parseAsInteger.withDefault(1), size: parseAsInteger.withDefault(defaultSize) },
    { urlKeys: { page: prefix ? `${prefix}Page` : "page", size: prefix ? `${prefix}Size` : "size" }, history: "replace", scroll: false },
  );
  const pageSize = sizes.includes(state.size) ? state.size : defaultSize;
  return {
    page: Math.max(1, state.page),
    pageSize,
    pageSizes: sizes,
    setPage: (page: number) => void setState({ page: page <= 1 ? null : page }),
    setPageSize: (size: number) => void setState({ size: size === defaultSize ? null : size, page: null }),
  };
}
export type Pager = ReturnType<typeof useUrlPager>;
