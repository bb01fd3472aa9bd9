import { index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, tenantIsolation } from "./_rls";

/**
 * Audit log. tenant_id is null for user-level events (sign-in, sign-up), which
 * only system connections see.
 */
export const auditLogs = pgTable(
  "audit_logs",
  {
    id: id(),
    tenantId: uuid(),
    actorUserId: uuid(),
    actorEmail: text(),
    action: text().notNull(),
    targetType: text(),
    targetId: text(),
    targetName: text(),
    ip: text(),
    userAgent: text(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_logs_tenant_created_idx").on(t.tenantId, t.createdAt),
    index("audit_logs_actor_idx").on(t.actorUserId, t.createdAt),
    tenantIsolation(),
  ],
);
