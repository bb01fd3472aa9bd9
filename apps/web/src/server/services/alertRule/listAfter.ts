import { listAlertRulesAfter as queryRulesAfter } from "@aspen/db";
import { type z } from "zod";
import { publicIdInput } from "../../public-ids";
import { cursorLimit, cursorPageOf, unknownCursor } from "../cursor";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { alertRuleSchema, toAlertRuleDto } from "./dto";
import { listAlertRulesInput } from "./list";

/** The filters of `listAlertRules`, paged by cursor (keyset) instead of page number. */
export const listAlertRulesAfterInput = listAlertRulesInput
  .omit({ page: true, pageSize: true })
  .extend({ limit: cursorLimit, startingAfter: publicIdInput("rul").optional() });
export const listAlertRulesAfterOutput = cursorPageOf(alertRuleSchema);

/** Alert rules newest first, `limit` after the rule `startingAfter`. */
export async function listAlertRulesAfter(
  scope: Scope,
  input: z.output<typeof listAlertRulesAfterInput>,
): Promise<z.output<typeof listAlertRulesAfterOutput>> {
  assertAllowed(scope, "device.read");
  const { startingAfter, ...filter } = input;
  const page = await inTenant(scope, (tx) => queryRulesAfter(tx, scope.tenant.id, { ...filter, after: startingAfter }));
  if (!page.cursorFound) throw unknownCursor("alert rule");
  const items = page.items.map((r) => toAlertRuleDto(r));
  return { items, hasMore: page.hasMore, nextCursor: page.hasMore ? (items.at(-1)?.id ?? null) : null };
}
