import { deleteAlertRule as removeRule, findAlertRule } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { notFound } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { publishRulesChanged } from "./_changed";

export const deleteAlertRuleInput = z.object({ id: publicIdInput("rul") });
export const deleteAlertRuleOutput = z.object({ ok: z.literal(true) });

/** Deletes a rule and its alarms. */
export async function deleteAlertRule(scope: Scope, input: z.output<typeof deleteAlertRuleInput>) {
  assertAllowed(scope, "alert.manage");
  const rule = await inTenant(scope, async (tx) => {
    const found = await findAlertRule(tx, scope.tenant.id, input.id);
    if (!found || !(await removeRule(tx, scope.tenant.id, input.id))) throw notFound("Alert rule");
    return found;
  });
  await publishRulesChanged(scope.tenant.id, rule.productId);
  await recordAudit(auditOf(scope), { action: "rule.delete", targetType: "alert_rule", targetName: rule.name });
  return { ok: true as const };
}
