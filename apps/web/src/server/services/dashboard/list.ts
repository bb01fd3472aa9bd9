import { listDashboards as readDashboards } from "@aspen/db";
import { z } from "zod";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { dashboardSchema, toDashboardDto } from "./dto";

export const listDashboardsInput = z.object({
  /** Only dashboards whose name contains this (case-insensitive). */
  search: z.string().trim().max(80).optional(),
});
export const listDashboardsOutput = z.object({ items: z.array(dashboardSchema) });

/** The tenant's dashboards, by name. */
export async function listDashboards(scope: Scope, input: z.output<typeof listDashboardsInput>) {
  assertAllowed(scope, "device.read");
  const rows = await inTenant(scope, (tx) => readDashboards(tx, scope.tenant.id));
  const needle = input.search?.toLowerCase();
  return { items: rows.filter((r) => !needle || r.name.toLowerCase().includes(needle)).map(toDashboardDto) };
}
