/** A page request: 1-based page number and page size. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/** One page of a list, with the total row count for the pager. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function offsetOf(p: PageRequest): number {
  return (Math.max(1, p.page) - 1) * p.pageSize;
}
