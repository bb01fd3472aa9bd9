import { tenantOverview as queryOverview } from "@aspen/db";
import { z } from "zod";
import { assertAllowed, inTenant, type Scope } from "../scope";

const count = z.number().int();
export const tenantOverviewOutput = z.object({
  devices: z.object({ total: count, online: count, disabled: count }),
  products: count,
  members: count,
});

/** Counts for the tenant's home page. */
export async function tenantOverview(scope: Scope): Promise<z.output<typeof tenantOverviewOutput>> {
  assertAllowed(scope, "tenant.read");
  return inTenant(scope, (tx) => queryOverview(tx, scope.tenant.id));
}
