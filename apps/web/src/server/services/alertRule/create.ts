import { alertRuleSpecSchema } from "@aspen/core";
import { findAlertRule, insertAlertRule } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { publicIdInput } from "../../public-ids";
import { actingUserId, assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { publishRulesChanged } from "./_changed";
import { resolveRuleSpec } from "./_resolve";
import { alertRuleSchema, toAlertRuleDto } from "./dto";

export const createAlertRuleInput = z.object({ productId: publicIdInput("prd"), rule: alertRuleSpecSchema });
export const createAlertRuleOutput = alertRuleSchema;

/** Creates a rule of a product; it takes effect within seconds. */
export async function createAlertRule(scope: Scope, input: z.output<typeof createAlertRuleInput>) {
  assertAllowed(scope, "alert.manage");
  const createdBy = actingUserId(scope);
  const dto = await inTenant(scope, async (tx) => {
    const { spec, product } = await resolveRuleSpec(tx, scope.tenant.id, input.productId, input.rule);
    const row = await insertAlertRule(tx, { tenantId: scope.tenant.id, productId: product.id, spec, createdBy });
    return toAlertRuleDto((await findAlertRule(tx, scope.tenant.id, row.id))!, product.thingModel);
  });
  await publishRulesChanged(scope.tenant.id, input.productId);
  await recordAudit(auditOf(scope), {
    action: "rule.create",
    targetType: "alert_rule",
    targetId: dto.id,
    targetName: dto.name,
    details: { severity: dto.severity, trigger: dto.triggerType },
  });
  return dto;
}
