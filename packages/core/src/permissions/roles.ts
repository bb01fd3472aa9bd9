/** Membership roles, strongest first. */
export const roles = ["owner", "admin", "developer", "viewer"] as const;
export type Role = (typeof roles)[number];

const ranks: Record<Role, number> = { owner: 4, admin: 3, developer: 2, viewer: 1 };

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}

/** How strong a role is: owner 4, admin 3, developer 2, viewer 1. */
export function roleRank(role: Role): number {
  return ranks[role];
}

/** Whether `role` is `min` or stronger. */
export function atLeast(role: Role, min: Role): boolean {
  return ranks[role] >= ranks[min];
}
