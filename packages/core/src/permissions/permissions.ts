import type { Role } from "./roles";

/** Everything a member, API key or OAuth token can be allowed to do, as `resource.action`. */
export const permissions = [
  "tenant.read",
  "tenant.update",
  "tenant.delete",
  "member.read",
  "member.invite",
  "member.update",
  "member.remove",
  "product.read",
  "product.write",
  "device.read",
  "device.write",
  "device.command",
  "device.secret",
  "telemetry.export",
  "audit.read",
  "apiKey.manage",
  "oauthApp.manage",
  "webhook.manage",
  "alert.manage",
  "billing.read",
  "billing.manage",
] as const;
export type Permission = (typeof permissions)[number];

export function isPermission(value: unknown): value is Permission {
  return typeof value === "string" && (permissions as readonly string[]).includes(value);
}

const viewer = ["tenant.read", "member.read", "product.read", "device.read"] as const satisfies Permission[];
const developer = [
  ...viewer,
  "product.write",
  "device.write",
  "device.command",
  "device.secret",
  "telemetry.export",
  "webhook.manage",
  "alert.manage",
  "apiKey.manage",
] as const satisfies Permission[];
const admin = [
  ...developer,
  "member.invite",
  "member.update",
  "member.remove",
  "audit.read",
  "billing.read",
  "tenant.update",
  "oauthApp.manage",
] as const satisfies Permission[];

/** What each role may do; each role has everything of the roles below it. */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  owner: permissions,
  admin,
  developer,
  viewer,
};

const granted = new Map<Role, ReadonlySet<Permission>>(
  Object.entries(rolePermissions).map(([role, list]) => [role as Role, new Set(list)]),
);

/** Whether a member with `role` may do `permission`. */
export function can(role: Role, permission: Permission): boolean {
  return granted.get(role)?.has(permission) ?? false;
}
