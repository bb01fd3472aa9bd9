import { findTenantById } from "@aspen/db";
import { maxRetentionDays, setTenantRetention as writeTenantRetention } from "@aspen/db/history";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { notFound } from "../../errors";
import { assertAllowed, auditOf, inTenant, type Scope } from "../scope";

export const setTenantRetentionInput = z.object({
  retentionDays: z
    .number({ error: "Retention must be a number of days" })
    .int({ error: "Retention must be a whole number of days" })
    .min(1, { error: "Keep data at least 1 day" })
    .max(maxRetentionDays, { error: `Data can be kept at most ${maxRetentionDays} days` }),
});
export const setTenantRetentionOutput = z.object({ retentionDays: z.number() });

/**
 * Sets how many days the tenant's telemetry, events, connection history and device errors are kept;
 * the hourly retention job deletes what is older (a shorter retention deletes data: audited).
 */
export async function setTenantRetention(
  scope: Scope,
  input: z.output<typeof setTenantRetentionInput>,
): Promise<z.output<typeof setTenantRetentionOutput>> {
  assertAllowed(scope, "tenant.update");
  const before = await inTenant(scope, async (tx) => {
    const t = await findTenantById(tx, scope.tenant.id);
    if (!t) throw notFound("Tenant");
    await writeTenantRetention(tx, scope.tenant.id, input.retentionDays);
    return t.retentionDays;
  });
  await recordAudit(auditOf(scope), {
    action: "tenant.update",
    targetType: "tenant",
    targetId: scope.tenant.slug,
    targetName: scope.tenant.name,
    details: { retentionDays: { from: before, to: input.retentionDays } },
  });
  return { retentionDays: input.retentionDays };
}
