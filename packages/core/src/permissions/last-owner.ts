import type { Role } from "./roles";

/**
 * The last-owner rule: a tenant always keeps at least one owner. Changing a member from `from` to
 * `to` (null: removed, or leaving) breaks it when it takes an owner away and `owners` (the tenant's
 * owners now, this member included) is at most one.
 */
export function breaksLastOwnerRule(change: { from: Role; to: Role | null }, owners: number): boolean {
  return takesOwnerAway(change) && owners <= 1;
}

/** Whether the change removes an owner (so the owners must be counted for `breaksLastOwnerRule`). */
export function takesOwnerAway(change: { from: Role; to: Role | null }): boolean {
  return change.from === "owner" && change.to !== "owner";
}
