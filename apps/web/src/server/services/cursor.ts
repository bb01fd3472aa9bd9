import { z } from "zod";
import { appError } from "../errors";

/** `limit` (1..100, default 20) for keyset lists (the REST API's `limit` / `starting_after`). */
export const cursorLimit = z.coerce.number().int().min(1).max(100).default(20).meta({ description: "How many items (1–100)" });

/** The output of a keyset list: a page of items, whether more follow, and the cursor for the next page. */
export function cursorPageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    hasMore: z.boolean(),
    nextCursor: z.string().nullable().meta({ description: "Pass as `starting_after` for the next page; null on the last page" }),
  });
}

/** The answer when `starting_after` names nothing of the tenant (same for another tenant's id). */
export function unknownCursor(what: string) {
  return appError("BAD_REQUEST", "invalid_cursor", `starting_after: no such ${what} here; start again without it.`, [
    { path: "starting_after", message: `no such ${what}` },
  ]);
}
