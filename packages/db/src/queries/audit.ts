import { and, count, desc, eq, gte, ilike, lt, sql } from "drizzle-orm";
import type { Tx } from "../client";
import { auditLogs } from "../schema";
import { escapeLike } from "./products";
import { offsetOf, type Page, type PageRequest, keysetAfter } from "./pagination";

export type AuditRow = typeof auditLogs.$inferSelect;
export type NewAuditRow = typeof auditLogs.$inferInsert;

/** Writes one audit row. Rows with a tenant need that tenant's scope (or a system transaction). */
export async function insertAudit(tx: Tx, row: NewAuditRow): Promise<void> {
  await tx.insert(auditLogs).values(row);
}

export interface AuditFilter {
  /** Exact action (`device.create`) or a prefix ending in `.` or `.*` (`device.`). */
  action?: string;
  /** Substring of the actor's email, case-insensitive. */
  actorEmail?: string;
  from?: Date;
  to?: Date;
}

function auditWhere(tenantId: string, p: AuditFilter) {
  const action = p.action?.replace(/\*$/, "");
  return and(
    eq(auditLogs.tenantId, tenantId),
    action ? (action.endsWith(".") ? sql`${auditLogs.action} like ${`${escapeLike(action)}%`}` : eq(auditLogs.action, action)) : undefined,
    p.actorEmail ? ilike(auditLogs.actorEmail, `%${escapeLike(p.actorEmail)}%`) : undefined,
    p.from ? gte(auditLogs.createdAt, p.from) : undefined,
    p.to ? lt(auditLogs.createdAt, p.to) : undefined,
  );
}

export async function listAudit(tx: Tx, tenantId: string, p: PageRequest & AuditFilter): Promise<Page<AuditRow>> {
  const where = auditWhere(tenantId, p);

  const [items, [total]] = await Promise.all([
    tx.select().from(auditLogs).where(where).orderBy(desc(auditLogs.createdAt), desc(auditLogs.id)).limit(p.pageSize).offset(offsetOf(p)),
    tx.select({ n: count() }).from(auditLogs).where(where),
  ]);
  return { items, total: total?.n ?? 0, page: p.page, pageSize: p.pageSize };
}

/**
 * A keyset page of the audit log in the order of `listAudit` (newest first): `limit` rows after the
 * row `after` (uuid). `cursorFound` is false when `after` is not a row of the tenant.
 */
export async function listAuditAfter(
  tx: Tx,
  tenantId: string,
  p: AuditFilter & { after?: string; limit: number },
): Promise<{ items: AuditRow[]; hasMore: boolean; cursorFound: boolean }> {
  const after = await keysetAfter(tx, auditLogs, tenantId, p.after, [auditLogs.createdAt, auditLogs.id], "<");
  if (after === null) return { items: [], hasMore: false, cursorFound: false };
  const rows = await tx
    .select()
    .from(auditLogs)
    .where(and(auditWhere(tenantId, p), after))
    .orderBy(desc(auditLogs.createdAt), desc(auditLogs.id))
    .limit(p.limit + 1);
  return { items: rows.slice(0, p.limit), hasMore: rows.length > p.limit, cursorFound: true };
}
