import { findTenantById } from "@aspen/db";
import { maxRetentionDays } from "@aspen/db/history";
import { z } from "zod";
import { notFound } from "../../errors";
import { assertAllowed, inTenant, type Scope } from "../scope";

export const tenantRetentionOutput = z.object({ retentionDays: z.number(), maxRetentionDays: z.number() });

/** The tenant's retention in days (what history ranges and exports may reach back to). */
export async function getTenantRetention(scope: Scope): Promise<z.output<typeof tenantRetentionOutput>> {
  assertAllowed(scope, "tenant.read");
  const t = await inTenant(scope, (tx) => findTenantById(tx, scope.tenant.id));
  if (!t) throw notFound("Tenant");
  return { retentionDays: t.retentionDays, maxRetentionDays };
}
