import { isRole, roleCoversScopes, type ApiScope, type Role } from "@aspen/core";
import { listTenantsForUser } from "@aspen/db";
import { getSystemDb } from "../db";

/** The user's tenants where their role covers every requested scope: the ones consent may grant. */
export async function grantableTenants(
  userId: string,
  scopes: readonly ApiScope[],
): Promise<{ id: string; slug: string; name: string; role: Role }[]> {
  const page = await listTenantsForUser(getSystemDb(), userId, { page: 1, pageSize: 100 });
  return page.items
    .filter((t) => t.status === "active" && isRole(t.role) && roleCoversScopes(t.role, scopes))
    .map((t) => ({ id: t.id, slug: t.slug, name: t.name, role: t.role }));
}
