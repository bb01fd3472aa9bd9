import { listAuditAfter as queryAuditAfter } from "@aspen/db";
import { z } from "zod";
import { cursorLimit, cursorPageOf, unknownCursor } from "../cursor";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { auditEntrySchema, listAuditInput, toAuditDto } from "./list";

/** The filters of `listAudit`, paged by cursor (keyset) instead of page number. */
export const listAuditAfterInput = listAuditInput
  .omit({ page: true, pageSize: true })
  .extend({ limit: cursorLimit, startingAfter: z.uuid().optional() });
export const listAuditAfterOutput = cursorPageOf(auditEntrySchema);

/** The audit log newest first, `limit` rows after the row `startingAfter`. */
export async function listAuditAfter(
  scope: Scope,
  input: z.output<typeof listAuditAfterInput>,
): Promise<z.output<typeof listAuditAfterOutput>> {
  assertAllowed(scope, "audit.read");
  const { startingAfter, ...filter } = input;
  const page = await inTenant(scope, (tx) => queryAuditAfter(tx, scope.tenant.id, { ...filter, after: startingAfter }));
  if (!page.cursorFound) throw unknownCursor("audit entry");
  const items = page.items.map(toAuditDto);
  return { items, hasMore: page.hasMore, nextCursor: page.hasMore ? (items.at(-1)?.id ?? null) : null };
}
