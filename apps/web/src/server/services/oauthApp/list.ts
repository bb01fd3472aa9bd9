import { listOAuthApps as selectApps } from "@aspen/db";
import { z } from "zod";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { oauthAppSchema, toOAuthAppDto } from "./dto";

export const listOAuthAppsInput = z.object({ search: z.string().trim().max(80).optional() });
export const listOAuthAppsOutput = z.object({ items: z.array(oauthAppSchema) });

/** The tenant's registered OAuth apps, newest first. */
export async function listOAuthApps(
  scope: Scope,
  input: z.output<typeof listOAuthAppsInput>,
): Promise<z.output<typeof listOAuthAppsOutput>> {
  assertAllowed(scope, "oauthApp.manage");
  const rows = await inTenant(scope, (tx) => selectApps(tx, scope.tenant.id));
  const q = input.search?.toLowerCase();
  return { items: rows.filter((r) => !q || r.name.toLowerCase().includes(q)).map(toOAuthAppDto) };
}
