import { can } from "./permissions";
import type { Role } from "./roles";

/**
 * Whether `actor` may give a member the role `target`, or change or remove a member who has it.
 * Check both the member's current and new role. Admins manage everyone but owners; only owners
 * make or unmake owners.
 */
export function canAssignRole(actor: Role, target: Role): boolean {
  if (!can(actor, "member.update")) return false;
  if (target === "owner") return actor === "owner";
  return true;
}
