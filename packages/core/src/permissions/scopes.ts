import { isPermission, permissions, can, type Permission } from "./permissions";
import type { Role } from "./roles";

/**
 * What an API key or OAuth token may really do: its scopes, minus unknown strings and anything its
 * owner's role does not allow. Returned in the order of `permissions`, without duplicates.
 */
export function intersectScopes(role: Role, scopes: readonly string[]): Permission[] {
  const wanted = new Set(scopes.filter(isPermission));
  return permissions.filter((p) => wanted.has(p) && can(role, p));
}
