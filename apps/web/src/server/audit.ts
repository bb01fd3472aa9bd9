import { insertAudit } from "@aspen/db";
import { getSystemDb } from "./db";
import { logger } from "./logger";
import { metrics } from "./metrics";
import type { RequestMeta } from "./request-meta";

/** Who acted, in which tenant, from where: the parts of a request context an audit row needs. */
export interface AuditContext {
  user?: { id: string; email: string } | null;
  tenant?: { id: string } | null;
  meta: RequestMeta;
}

export interface AuditEntry {
  action: string;
  targetType?: string;
  targetId?: string;
  targetName?: string;
  /** Never secrets: names, roles, changed fields. */
  details?: Record<string, unknown>;
  /** Overrides the context's tenant (e.g. accepting an invitation); `null` for user-level events. */
  tenantId?: string | null;
  /** Overrides the context's actor (e.g. a failed sign-in names the attempted email). */
  actor?: { id: string | null; email: string | null };
}

/**
 * Records an audit row. Never throws: a failed write is logged and counted,
 * and the request it describes still succeeds. Written on the system
 * connection, after the change committed.
 */
export async function recordAudit(ctx: AuditContext, entry: AuditEntry): Promise<void> {
  const tenantId = entry.tenantId !== undefined ? entry.tenantId : (ctx.tenant?.id ?? null);
  const row = {
    tenantId,
    actorUserId: entry.actor ? entry.actor.id : (ctx.user?.id ?? null),
    actorEmail: entry.actor ? entry.actor.email : (ctx.user?.email ?? null),
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    targetName: entry.targetName ?? null,
    ip: ctx.meta.ip,
    userAgent: ctx.meta.userAgent,
    details: entry.details ?? {},
  };
  try {
    await insertAudit(getSystemDb(), row);
  } catch (err) {
    try {
      metrics().auditWriteFailures.inc();
    } catch {
      /* metrics must not break the request either */
    }
    logger.error({ err: (err as Error).message, audit: { ...row, userAgent: undefined } }, "audit write failed");
  }
}
