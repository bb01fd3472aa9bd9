import { planIdSchema } from "@aspen/core";
import { setTenantPlan as setTenantPlanRow, withSystem } from "@aspen/db";
import { z } from "zod";
import { announcePlanChange, forgetTenantPlan } from "../../api/v1/plan-cache";
import { recordAudit } from "../../audit";
import { getSystemDb } from "../../db";
import { notFound } from "../../errors";
import { publicId, publicIdInput } from "../../public-ids";
import type { RequestMeta } from "../../request-meta";
import { assertPlatformAdmin, type PlatformActor } from "../queue/_admin";

export const setTenantPlanInput = z.object({ tenantId: publicIdInput("ten"), plan: planIdSchema });
export const setTenantPlanOutput = z.object({ id: z.string(), plan: planIdSchema, previous: planIdSchema });

/**
 * Moves a tenant to another plan (platform operators; billing does it later). The REST limits follow
 * at once in every web process (announced over Redis). Audited in the tenant.
 */
export async function setTenantPlan(
  actor: PlatformActor & { email: string; meta: RequestMeta },
  input: z.output<typeof setTenantPlanInput>,
): Promise<z.output<typeof setTenantPlanOutput>> {
  await assertPlatformAdmin(actor);
  const row = await withSystem(getSystemDb(), (tx) => setTenantPlanRow(tx, input.tenantId, input.plan));
  if (!row) throw notFound("Tenant");
  forgetTenantPlan(row.id);
  if (row.before !== row.plan) {
    await announcePlanChange(row.id);
    await recordAudit(
      { user: { id: actor.userId, email: actor.email }, tenant: null, meta: actor.meta },
      {
        action: "tenant.plan_change",
        targetType: "tenant",
        targetId: row.id,
        targetName: row.slug,
        details: { from: row.before, to: row.plan },
        tenantId: row.id,
      },
    );
  }
  return { id: publicId("ten", row.id), plan: row.plan, previous: row.before };
}
