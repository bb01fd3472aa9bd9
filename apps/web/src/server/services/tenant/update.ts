import { updateTenantName } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { notFound } from "../../errors";
import { assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { tenantNameSchema, tenantSchema, toTenantDto, type TenantDto } from "./dto";

export const updateTenantInput = z.object({ name: tenantNameSchema });
export const updateTenantOutput = tenantSchema;

/** Renames the tenant (the slug is permanent: it is in URLs and MQTT usernames). */
export async function updateTenant(scope: Scope, input: z.output<typeof updateTenantInput>): Promise<TenantDto> {
  assertAllowed(scope, "tenant.update");
  const row = await inTenant(scope, (tx) => updateTenantName(tx, scope.tenant.id, input.name));
  if (!row) throw notFound("Tenant");
  await recordAudit(auditOf(scope), {
    action: "tenant.update",
    targetType: "tenant",
    targetId: row.slug,
    targetName: row.name,
    details: { name: { from: scope.tenant.name, to: row.name } },
  });
  return toTenantDto(row, scope.role);
}
