import { listAlarmsAfter as queryAlarmsAfter } from "@aspen/db";
import type { z } from "zod";
import { publicIdInput } from "../../public-ids";
import { cursorLimit, cursorPageOf, unknownCursor } from "../cursor";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { alarmSchema, toAlarmDto } from "./dto";
import { listAlarmsInput } from "./list";

/** The filters of `listAlarms`, paged by cursor (keyset) instead of page number. */
export const listAlarmsAfterInput = listAlarmsInput
  .omit({ page: true, pageSize: true })
  .extend({ limit: cursorLimit, startingAfter: publicIdInput("alm").optional() });
export const listAlarmsAfterOutput = cursorPageOf(alarmSchema);

/** Alarms newest first (by first seen), filtered like `listAlarms`, `limit` after the alarm `startingAfter`. */
export async function listAlarmsAfter(
  scope: Scope,
  input: z.output<typeof listAlarmsAfterInput>,
): Promise<z.output<typeof listAlarmsAfterOutput>> {
  assertAllowed(scope, "device.read");
  const { startingAfter, ...filter } = input;
  const page = await inTenant(scope, (tx) => queryAlarmsAfter(tx, scope.tenant.id, { ...filter, after: startingAfter }));
  if (!page.cursorFound) throw unknownCursor("alarm");
  const items = page.items.map(toAlarmDto);
  return { items, hasMore: page.hasMore, nextCursor: page.hasMore ? (items.at(-1)?.id ?? null) : null };
}
