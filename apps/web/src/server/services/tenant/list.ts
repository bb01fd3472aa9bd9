import { listTenantsForUser } from "@aspen/db";
import { z } from "zod";
import { mapPage, pageInput, pageOf } from "../../pagination";
import type { UserScope } from "../scope";
import { tenantSchema, toTenantDto } from "./dto";

export const listTenantsInput = z.object({ ...pageInput }).default({ page: 1, pageSize: 20 });
export const listTenantsOutput = pageOf(tenantSchema);

/** The tenants the signed-in user belongs to, with their role in each. */
export async function listTenants(user: UserScope, input: z.output<typeof listTenantsInput>): Promise<z.output<typeof listTenantsOutput>> {
  const page = await listTenantsForUser(user.systemDb, user.user.id, input);
  return mapPage(page, (t) => toTenantDto(t, t.role));
}
