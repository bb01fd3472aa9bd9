import { listAudit as queryAudit, type AuditRow } from "@aspen/db";
import { z } from "zod";
import { mapPage, pageInput, pageOf } from "../../pagination";
import { assertAllowed, inTenant, type Scope } from "../scope";

export const listAuditInput = z.object({
  action: z.string().trim().max(64).optional(),
  actorEmail: z.string().trim().max(320).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  ...pageInput,
});
/** One audit row as clients see it. */
export const auditEntrySchema = z.object({
  id: z.string(),
  action: z.string(),
  actorEmail: z.string().nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  targetName: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  createdAt: z.date(),
});
export const listAuditOutput = pageOf(auditEntrySchema);

export function toAuditDto(a: AuditRow): z.output<typeof auditEntrySchema> {
  return {
    id: a.id,
    action: a.action,
    actorEmail: a.actorEmail,
    targetType: a.targetType,
    targetId: a.targetId,
    targetName: a.targetName,
    ip: a.ip,
    userAgent: a.userAgent,
    details: a.details,
    createdAt: a.createdAt,
  };
}

/** The tenant's audit log, newest first: who did what, when, from where. */
export async function listAudit(scope: Scope, input: z.output<typeof listAuditInput>): Promise<z.output<typeof listAuditOutput>> {
  assertAllowed(scope, "audit.read");
  const page = await inTenant(scope, (tx) => queryAudit(tx, scope.tenant.id, input));
  return mapPage(page, toAuditDto);
}
