import { defaultPlanId } from "@aspen/core";
import { findTenantById } from "@aspen/db";
import { assertAllowed, type Scope } from "../scope";
import { tenantSchema, toTenantDto, type TenantDto } from "./dto";

export const getTenantOutput = tenantSchema;

/** The scope's tenant, the caller's role in it and the permissions that role grants. */
export async function getTenant(scope: Scope): Promise<TenantDto> {
  assertAllowed(scope, "tenant.read");
  const row = await findTenantById(scope.db, scope.tenant.id);
  return toTenantDto({ ...scope.tenant, plan: row?.plan ?? defaultPlanId, createdAt: row?.createdAt }, scope.role);
}
