import { findAlertRule, findProductById } from "@aspen/db";
import { z } from "zod";
import { notFound } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { alertRuleSchema, toAlertRuleDto } from "./dto";

export const alertRuleByIdInput = z.object({ id: publicIdInput("rul") });
export const alertRuleByIdOutput = alertRuleSchema;

/** One rule, its summary worded with the product's property names. */
export async function alertRuleById(scope: Scope, input: z.output<typeof alertRuleByIdInput>) {
  assertAllowed(scope, "device.read");
  return inTenant(scope, async (tx) => {
    const rule = await findAlertRule(tx, scope.tenant.id, input.id);
    if (!rule) throw notFound("Alert rule");
    const product = await findProductById(tx, scope.tenant.id, rule.productId);
    return toAlertRuleDto(rule, product?.thingModel);
  });
}
