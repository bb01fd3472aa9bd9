import { and, eq, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Tx } from "../client";

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

/**
 * The condition for the rows of a keyset page after the row `after` of the tenant in the order `(order[0], order[1])`
 * (`<`: descending, `>`: ascending), compared in SQL (timestamps keep the microseconds a JS Date would drop).
 * `undefined`: no cursor (the first page); `null`: the cursor is not a row of the tenant (meeting `within`).
 */
export async function keysetAfter(
  tx: Tx,
  table: PgTable & { id: PgColumn; tenantId: PgColumn },
  tenant: string,
  after: string | undefined,
  order: [PgColumn, PgColumn],
  direction: "<" | ">",
  within?: SQL,
): Promise<SQL | undefined | null> {
  if (after === undefined) return undefined;
  const [found] = await tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.tenantId, tenant), eq(table.id, after), within))
    .limit(1);
  if (!found) return null;
  // The inner select reads the same table: its column references bind to the innermost FROM.
  const [a, b] = order;
  const at = sql`(select ${a}, ${b} from ${table} where ${table.tenantId} = ${tenant} and ${table.id} = ${after})`;
  return sql`(${a}, ${b}) ${sql.raw(direction)} ${at}`;
}
