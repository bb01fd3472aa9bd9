import { z } from "zod";

/** `{ page, pageSize }` for every list: page is 1-based, pageSize 1..100 (default 20). */
export const pageInput = {
  page: z.int().min(1).max(100_000).default(1),
  pageSize: z.int().min(1).max(100).default(20),
};

/** Maps a page of rows to a page of DTOs. */
export function mapPage<T, U>(page: { items: T[]; total: number; page: number; pageSize: number }, fn: (t: T) => U) {
  return { items: page.items.map(fn), total: page.total, page: page.page, pageSize: page.pageSize };
}

/** The output schema of a list: `{ items, total, page, pageSize }`. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}
