import { can, type Permission } from "../permissions/permissions";
import type { Role } from "../permissions/roles";

/**
 * What an API key or OAuth token may be granted, as `resource:action`, and the member permissions each one
 * carries. A REST operation names the scope it needs; the service behind it checks the permission, so a
 * token needs both the scope and (through its owner's role) the permission.
 */
export const apiScopeTable = {
  "tenant:read": ["tenant.read"],
  "members:read": ["member.read"],
  "products:read": ["product.read"],
  "products:write": ["product.read", "product.write"],
  "devices:read": ["device.read"],
  "devices:write": ["device.read", "device.write"],
  "devices:secrets": ["device.read", "device.secret"],
  "telemetry:read": ["device.read"],
  "attributes:write": ["device.read", "device.write"],
  "commands:read": ["device.read"],
  "commands:write": ["device.read", "device.command"],
  "alarms:read": ["device.read"],
  "alarms:write": ["device.read", "alert.manage"],
  "rules:read": ["device.read"],
  "rules:write": ["device.read", "alert.manage"],
  "webhooks:read": ["webhook.manage"],
  "webhooks:write": ["webhook.manage"],
  "audit:read": ["audit.read"],
  "dashboards:read": ["device.read"],
  "dashboards:write": ["device.read", "device.write"],
  // A user's own notifications: every member may read theirs and mark them read (the console's rule).
  "notifications:read": ["tenant.read"],
  "notifications:write": ["tenant.read"],
} as const satisfies Record<string, readonly Permission[]>;

export type ApiScope = keyof typeof apiScopeTable;

/** Every scope, in table order. */
export const apiScopes = Object.keys(apiScopeTable) as ApiScope[];

export function isApiScope(value: unknown): value is ApiScope {
  return typeof value === "string" && Object.hasOwn(apiScopeTable, value);
}

/** The permissions `scopes` carry together, without duplicates (unknown strings carry nothing). */
export function scopePermissions(scopes: readonly string[]): Permission[] {
  const out = new Set<Permission>();
  for (const s of scopes) if (isApiScope(s)) for (const p of apiScopeTable[s]) out.add(p);
  return [...out];
}

/** Whether a member with `role` has every permission `scope` carries (may grant it to a key or an app). */
export function roleCoversScope(role: Role, scope: ApiScope): boolean {
  return apiScopeTable[scope].every((p) => can(role, p));
}

/** Whether a member with `role` may grant all of `scopes`. */
export function roleCoversScopes(role: Role, scopes: readonly ApiScope[]): boolean {
  return scopes.every((s) => roleCoversScope(role, s));
}

/** Parses a space-separated OAuth `scope` string; null when it names an unknown scope. */
export function parseScopeString(value: string): ApiScope[] | null {
  const parts = value.split(" ").filter(Boolean);
  if (!parts.every(isApiScope)) return null;
  return apiScopes.filter((s) => parts.includes(s));
}
