import { listDashboardsAfter as queryDashboardsAfter } from "@aspen/db";
import type { z } from "zod";
import { publicIdInput } from "../../public-ids";
import { cursorLimit, cursorPageOf, unknownCursor } from "../cursor";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { dashboardSchema, toDashboardDto } from "./dto";
import { listDashboardsInput } from "./list";

/** The filter of `listDashboards`, paged by cursor (keyset) instead of the console's first 200. */
export const listDashboardsAfterInput = listDashboardsInput.extend({ limit: cursorLimit, startingAfter: publicIdInput("dsh").optional() });
export const listDashboardsAfterOutput = cursorPageOf(dashboardSchema);

/** The tenant's dashboards by name, `limit` after the dashboard `startingAfter`. */
export async function listDashboardsAfter(
  scope: Scope,
  input: z.output<typeof listDashboardsAfterInput>,
): Promise<z.output<typeof listDashboardsAfterOutput>> {
  assertAllowed(scope, "device.read");
  const { startingAfter, ...filter } = input;
  const page = await inTenant(scope, (tx) => queryDashboardsAfter(tx, scope.tenant.id, { ...filter, after: startingAfter }));
  if (!page.cursorFound) throw unknownCursor("dashboard");
  const items = page.items.map(toDashboardDto);
  return { items, hasMore: page.hasMore, nextCursor: page.hasMore ? (items.at(-1)?.id ?? null) : null };
}
