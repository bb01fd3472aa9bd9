import { alertRuleSpecSchema } from "@aspen/core";
import { findAlertRule, updateAlertRuleSpec } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { notFound } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { publishRulesChanged } from "./_changed";
import { resolveRuleSpec } from "./_resolve";
import { alertRuleSchema, toAlertRuleDto } from "./dto";

export const updateAlertRuleInput = z.object({ id: publicIdInput("rul"), rule: alertRuleSpecSchema });
export const updateAlertRuleOutput = alertRuleSchema;

/** Replaces a rule (its product stays); evaluation timers restart, open alarms stay open. */
export async function updateAlertRule(scope: Scope, input: z.output<typeof updateAlertRuleInput>) {
  assertAllowed(scope, "alert.manage");
  const dto = await inTenant(scope, async (tx) => {
    const existing = await findAlertRule(tx, scope.tenant.id, input.id);
    if (!existing) throw notFound("Alert rule");
    const { spec, product } = await resolveRuleSpec(tx, scope.tenant.id, existing.productId, input.rule);
    await updateAlertRuleSpec(tx, scope.tenant.id, input.id, spec);
    return {
      dto: toAlertRuleDto((await findAlertRule(tx, scope.tenant.id, input.id))!, product.thingModel),
      productId: existing.productId,
    };
  });
  await publishRulesChanged(scope.tenant.id, dto.productId);
  await recordAudit(auditOf(scope), { action: "rule.update", targetType: "alert_rule", targetId: dto.dto.id, targetName: dto.dto.name });
  return dto.dto;
}
