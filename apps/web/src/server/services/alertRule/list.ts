import { listAlertRules as readRules } from "@aspen/db";
import { z } from "zod";
import { mapPage, pageInput } from "../../pagination";
import { publicIdInput } from "../../public-ids";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { alertRuleSchema, toAlertRuleDto } from "./dto";

export const listAlertRulesInput = z.object({ productId: publicIdInput("prd").optional(), ...pageInput });
export const listAlertRulesOutput = z.object({
  items: z.array(alertRuleSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** The tenant's alert rules (optionally of one product), newest first. */
export async function listAlertRules(scope: Scope, input: z.output<typeof listAlertRulesInput>) {
  assertAllowed(scope, "device.read");
  const page = await inTenant(scope, (tx) => readRules(tx, scope.tenant.id, input));
  return mapPage(page, (r) => toAlertRuleDto(r));
}
