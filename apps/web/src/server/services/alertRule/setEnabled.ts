import { findAlertRule, setAlertRuleEnabled as writeEnabled } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { notFound } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { publishRulesChanged } from "./_changed";
import { alertRuleSchema, toAlertRuleDto } from "./dto";

export const setAlertRuleEnabledInput = z.object({ id: publicIdInput("rul"), enabled: z.boolean() });
export const setAlertRuleEnabledOutput = alertRuleSchema;

/** Turns a rule on or off (open alarms stay as they are). */
export async function setAlertRuleEnabled(scope: Scope, input: z.output<typeof setAlertRuleEnabledInput>) {
  assertAllowed(scope, "alert.manage");
  const row = await inTenant(scope, async (tx) => {
    if (!(await writeEnabled(tx, scope.tenant.id, input.id, input.enabled))) throw notFound("Alert rule");
    return (await findAlertRule(tx, scope.tenant.id, input.id))!;
  });
  await publishRulesChanged(scope.tenant.id, row.productId);
  const dto = toAlertRuleDto(row);
  await recordAudit(auditOf(scope), {
    action: input.enabled ? "rule.enable" : "rule.disable",
    targetType: "alert_rule",
    targetId: dto.id,
    targetName: dto.name,
  });
  return dto;
}
